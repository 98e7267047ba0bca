package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.api.java.JavaSparkContext;
import org.tifa.aggregate.BuildDocuments;
import org.tifa.aggregate.BuildRegions;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.ingest.ReadReports;
import org.tifa.normalize.Deduplicate;
import org.tifa.normalize.NearDuplicates;
import org.tifa.normalize.NormalizeText;
import org.tifa.options.RunOptions;
import org.tifa.quarantine.StageResult;
import org.tifa.reference.TifaConfig;
import org.tifa.resolve.ResolveRegion;
import org.tifa.write.Manifest;
import org.tifa.write.SnapshotWriter;

/**
 * {@code tifa run}: JSON reports in, one committed Parquet snapshot out.
 *
 * <ol>
 *   <li>ingest — read the files, enforce the input contract (quarantine: ingest)
 *   <li>normalize — clean the text, hash the content
 *   <li>resolve region — from the given fields, else from the text
 *   <li>deduplicate — keep the earliest copy of each content, then of each group of near copies
 *   <li>documents — the documents table
 *   <li>write — tables, manifest, atomic commit
 * </ol>
 */
public final class RunJob {
  private final RunOptions options;
  private final TifaConfig config;
  private final List<InputFile> files;
  private final String snapshotId;
  private final Instant startedAt;
  private final Runnable beforeCommit;
  private final ReferenceData reference;

  /** What the console summary and the exit code are made from. */
  public record Result(
      String snapshotId,
      Path snapshotDir,
      Manifest.Counts counts,
      boolean quarantineExceeded,
      Map<String, Long> tableRows,
      Map<String, Long> documentsByRegionLevel,
      long nearDuplicates) {}

  public RunJob(
      RunOptions options,
      TifaConfig config,
      ReferenceData reference,
      List<InputFile> files,
      String snapshotId,
      Instant startedAt,
      Runnable beforeCommit) {
    this.reference = reference;
    this.options = options;
    this.config = config;
    this.files = files;
    this.snapshotId = snapshotId;
    this.startedAt = startedAt;
    this.beforeCommit = beforeCommit;
  }

  public Result run(SparkSession spark) throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> paths = files.stream().map(InputFile::path).toList();
    StageResult ingested =
        ReadReports.read(
            spark,
            paths,
            new ReadReports.Settings(config.maxBodyChars, config.maxLineBytes, config.quarantineRawBytes, config.timeZone));
    Dataset<Row> normalized = NormalizeText.apply(ingested.good());
    Dataset<Row> located = ResolveRegion.apply(normalized, jsc.broadcast(reference.regionResolver()));
    NearDuplicates.Result unique =
        NearDuplicates.apply(
            Deduplicate.apply(located),
            new NearDuplicates.Settings(config.nearDuplicateThreshold, config.shingleChars, config.minhashSize, config.maxBucketSize));
    Dataset<Row> documents = BuildDocuments.apply(unique.kept());

    SnapshotWriter writer = new SnapshotWriter(options.output(), snapshotId, spark.sparkContext().hadoopConfiguration());
    try {
      long ingestedGood = ingested.good().count();
      Path documentsDir = writer.writeTable(Tables.DOCUMENTS, documents, Tables.DOCUMENTS_SCHEMA, files(ingestedGood));
      Path quarantineDir = writer.writeTable(Tables.QUARANTINE, ingested.quarantine(), Tables.QUARANTINE_SCHEMA, 1);
      writer.writeTable(Tables.REGIONS, BuildRegions.apply(spark, reference.gazetteer()), Tables.REGIONS_SCHEMA, 1);

      Dataset<Row> writtenDocs = spark.read().parquet(documentsDir.toString());
      Dataset<Row> writtenQuarantine = spark.read().parquet(quarantineDir.toString());
      Map<String, Long> reasons = countBy(writtenQuarantine, Columns.REASON);
      long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
      Row docTotals = writtenDocs.agg(org.apache.spark.sql.functions.count("*"), sum(col(Columns.DUPLICATE_COUNT))).first();
      long accepted = docTotals.getLong(0);
      long duplicates = docTotals.isNullAt(1) ? 0 : docTotals.getLong(1);
      long recordsRead = ingestedGood + ingested.quarantine().count();
      Manifest.Counts counts = new Manifest.Counts(recordsRead, accepted, duplicates, quarantined, reasons);
      if (!counts.balanced()) {
        throw new IllegalStateException("records do not add up, nothing committed: " + counts);
      }
      double maxRatio = options.maxQuarantineRatio() != null ? options.maxQuarantineRatio() : config.maxQuarantineRatio;
      boolean exceeded = counts.quarantineRatio() > maxRatio;

      Map<String, Long> tableRows = new LinkedHashMap<>();
      tableRows.put(Tables.DOCUMENTS, accepted);
      tableRows.put(Tables.QUARANTINE, quarantined);
      tableRows.put(Tables.REGIONS, (long) reference.gazetteer().all().size() + 1);
      Map<String, Long> byMethod = countBy(writtenDocs, Columns.REGION_METHOD);
      Map<String, Long> byLevel = countBy(writtenDocs, Columns.REGION_LEVEL);
      long nearDuplicates = unique.absorbed().count();
      Manifest manifest =
          new Manifest(snapshotId, Tables.SCHEMA_VERSION, Version.TIFA, spark.version())
              .put("started_at", startedAt.toString())
              .put("finished_at", Instant.now().toString())
              .inputs(options.inputs(), files.stream().map(f -> new Manifest.InputFileEntry(f.path(), f.bytes())).toList())
              .put("config", config.effectiveMap())
              .put("config_sha256", config.sha256())
              .put("tables", tableRows)
              .counts(counts, maxRatio)
              .put("regions", Map.of("by_method", byMethod, "by_level", byLevel))
              .put("near_duplicates", Map.of("absorbed", nearDuplicates, "threshold", config.nearDuplicateThreshold));
      writer.writeText(SnapshotWriter.MANIFEST, manifest.toJson());
      beforeCommit.run();
      Path committed = writer.commit();
      return new Result(snapshotId, committed, counts, exceeded, tableRows, byLevel, nearDuplicates);
    } catch (RuntimeException | IOException e) {
      writer.abandon();
      throw e;
    } finally {
      spark.sqlContext().clearCache();
    }
  }

  private int files(long rows) {
    return (int) Math.max(1, Math.min(1000, (rows + config.rowsPerFile - 1) / config.rowsPerFile));
  }

  /** Rows per value of a column; a null value is counted under "none". */
  private static Map<String, Long> countBy(Dataset<Row> table, String column) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : table.groupBy(column).count().collectAsList()) {
      out.put(r.isNullAt(0) ? "none" : r.getString(0), r.getLong(1));
    }
    return out;
  }
}
