package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.tifa.compare.RegionSimilarity;
import org.tifa.compare.SnapshotRef;
import org.tifa.compare.SnapshotTables;
import org.tifa.compare.TermChanges;
import org.tifa.compare.TermDiffusion;
import org.tifa.extract.TermDictionary;
import org.tifa.options.CompareOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;
import org.tifa.write.Manifest;
import org.tifa.write.SnapshotWriter;

/**
 * {@code tifa compare}: two committed snapshots in, one committed comparison out.
 *
 * <ol>
 *   <li>read — both snapshots' documents, term_counts and terms (resolved and checked before Spark
 *       started: committed, same schema version)
 *   <li>term changes — per region, period and term at every level down to --level, with the
 *       two-proportion test and a status
 *   <li>diffusion — the target's terms, region by region in order of first appearance
 *   <li>similarity — the target's regions at --level, each with its most similar partners
 *   <li>write — tables checked against their schemas, the manifest, atomic commit, LATEST
 * </ol>
 */
public final class CompareJob {
  private final CompareOptions options;
  private final SnapshotRef base;
  private final SnapshotRef target;
  private final SnapshotWriter writer;
  private final String compareId;
  private final Instant startedAt;

  /** One line of the console summary: a new slogan, a riser or a faller of one level. */
  public record Highlight(
      String level,
      String list,
      int rank,
      String regionName,
      String period,
      String termKind,
      String term,
      long baseDocuments,
      long baseRegionDocuments,
      long targetDocuments,
      long targetRegionDocuments,
      Double zScore) {}

  /** What the console summary is made from. */
  public record Result(
      String compareId,
      Path dir,
      SnapshotRef base,
      SnapshotRef target,
      CompareOptions options,
      List<String> configDifferences,
      Map<String, Long> statuses,
      Map<String, Long> tableRows,
      List<Highlight> highlights) {

    public boolean configDiffers() {
      return !base.configSha256().equals(target.configSha256());
    }
  }

  /** A comparison written by {@code writer} (opened for {@link SnapshotWriter.Kind#COMPARISON}). */
  public CompareJob(
      CompareOptions options,
      SnapshotRef base,
      SnapshotRef target,
      SnapshotWriter writer,
      Instant startedAt) {
    this.options = options;
    this.base = base;
    this.target = target;
    this.writer = writer;
    this.compareId = writer.id();
    this.startedAt = startedAt;
  }

  /** Runs the comparison; the writer is committed on success and abandoned on any failure. */
  public Result run(SparkSession spark) throws IOException {
    return writer.commitOrAbandon(() -> runAndCommit(spark));
  }

  private Result runAndCommit(SparkSession spark) throws IOException {
    SnapshotTables baseTables = SnapshotTables.read(spark, base);
    SnapshotTables targetTables = SnapshotTables.read(spark, target);

    Dataset<Row> changes =
        TermChanges.of(baseTables, targetTables, options.grain(), options.level(), options.alpha());
    Dataset<Row> diffusion =
        TermDiffusion.of(
            targetTables.documents(), targetTables.terms(), options.level(), target.snapshotId());
    Dataset<Row> similarity =
        RegionSimilarity.of(
            targetTables.documents(), options.level(), options.similar(), target.snapshotId());

    int files = files(termCountRows(base) + termCountRows(target));
    Path changesDir =
        writer.writeTable(Tables.TERM_CHANGES, changes, Tables.TERM_CHANGES_SCHEMA, files);
    Path diffusionDir =
        writer.writeTable(Tables.TERM_DIFFUSION, diffusion, Tables.TERM_DIFFUSION_SCHEMA, files);
    Path similarityDir =
        writer.writeTable(Tables.REGION_SIMILARITY, similarity, Tables.REGION_SIMILARITY_SCHEMA, 1);

    Dataset<Row> written =
        spark.read().schema(Tables.TERM_CHANGES_SCHEMA).parquet(changesDir.toString());
    Map<String, Long> statuses = new LinkedHashMap<>();
    TermChanges.STATUSES.forEach(s -> statuses.put(s, 0L));
    for (Row r : written.groupBy(Columns.STATUS).count().collectAsList()) {
      statuses.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> tableRows = new LinkedHashMap<>();
    tableRows.put(Tables.TERM_CHANGES, statuses.values().stream().mapToLong(Long::longValue).sum());
    tableRows.put(
        Tables.TERM_DIFFUSION,
        spark.read().schema(Tables.TERM_DIFFUSION_SCHEMA).parquet(diffusionDir.toString()).count());
    tableRows.put(
        Tables.REGION_SIMILARITY,
        spark
            .read()
            .schema(Tables.REGION_SIMILARITY_SCHEMA)
            .parquet(similarityDir.toString())
            .count());
    List<String> differences = SnapshotRef.configDifferences(base, target);

    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("grain", options.grain());
    opts.put("level", options.level());
    opts.put("alpha", options.alpha());
    opts.put("similar", options.similar());
    opts.put("top", options.top());
    Manifest manifest =
        new Manifest("compare_id", compareId, Tables.SCHEMA_VERSION, Version.TIFA, spark.version())
            .put("started_at", startedAt.toString())
            .put("finished_at", Instant.now().toString())
            .put("base", describe(base))
            .put("target", describe(target))
            .put("config_differs", !base.configSha256().equals(target.configSha256()))
            .put("config_differences", differences)
            .put("options", opts)
            .put("tables", tableRows)
            .put("statuses", statuses);
    writer.writeText(SnapshotWriter.MANIFEST, manifest.toJson());
    List<Highlight> highlights = highlights(written, options.top());
    Path committed = writer.commit();
    return new Result(
        compareId, committed, base, target, options, differences, statuses, tableRows, highlights);
  }

  private static Map<String, Object> describe(SnapshotRef ref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snapshot_id", ref.snapshotId());
    m.put("path", ref.dir());
    m.put("schema_version", ref.schemaVersion());
    m.put("tifa_version", ref.tifaVersion());
    m.put("config_sha256", ref.configSha256());
    m.put("grains", ref.grains());
    return m;
  }

  /**
   * Per level, the top new slogans (by z, then target documents), the risers (status up, by z
   * descending) and the fallers (status down, by z ascending): significance, not relative change.
   */
  static List<Highlight> highlights(Dataset<Row> changes, int top) {
    Column list =
        when(
                col(Columns.STATUS)
                    .equalTo(TermChanges.NEW)
                    .and(col(Columns.TERM_KIND).equalTo(TermDictionary.SLOGAN)),
                lit("new"))
            .when(col(Columns.STATUS).equalTo(TermChanges.UP), lit("up"))
            .when(col(Columns.STATUS).equalTo(TermChanges.DOWN), lit("down"));
    Column order =
        when(col("_list").equalTo("down"), col(Columns.Z_SCORE))
            .otherwise(col(Columns.Z_SCORE).multiply(-1));
    List<Row> rows =
        changes
            .withColumn("_list", list)
            .filter(col("_list").isNotNull())
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy(col(Columns.REGION_LEVEL), col("_list"))
                            .orderBy(
                                order.asc_nulls_last(),
                                col(Columns.TARGET_DOCUMENTS).desc(),
                                col(Columns.BASE_DOCUMENTS).desc(),
                                col(Columns.REGION_CODE),
                                col(Columns.TERM_ID),
                                col(Columns.PERIOD))))
            .filter(col("_n").leq(top))
            .select(
                col(Columns.REGION_LEVEL),
                col("_list"),
                col(Columns.REGION_NAME),
                col(Columns.PERIOD),
                col(Columns.TERM_KIND),
                col(Columns.TERM),
                col(Columns.BASE_DOCUMENTS),
                col(Columns.BASE_REGION_DOCUMENTS),
                col(Columns.TARGET_DOCUMENTS),
                col(Columns.TARGET_REGION_DOCUMENTS),
                col(Columns.Z_SCORE),
                col("_n"))
            .collectAsList();
    List<Highlight> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new Highlight(
              r.getString(0),
              r.getString(1),
              r.getInt(11),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              r.getLong(6),
              r.getLong(7),
              r.getLong(8),
              r.getLong(9),
              r.isNullAt(10) ? null : r.getDouble(10)));
    }
    List<String> lists = List.of("new", "up", "down");
    out.sort(
        Comparator.<Highlight>comparingInt(h -> CompareOptions.LEVELS.indexOf(h.level()))
            .thenComparingInt(h -> lists.indexOf(h.list()))
            .thenComparingInt(Highlight::rank));
    return out;
  }

  private static long termCountRows(SnapshotRef ref) {
    return ref.manifest().path("tables").path(Tables.TERM_COUNTS).asLong(0);
  }

  private static int files(long rows) {
    int perFile = TifaConfig.defaults().rowsPerFile;
    return (int) Math.max(1, Math.min(1000, (rows + perFile - 1) / perFile));
  }
}
