package org.tifa;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tifa.compare.SnapshotRef;
import org.tifa.compare.SnapshotTables;
import org.tifa.compare.TermChanges;
import org.tifa.error.ConfigException;
import org.tifa.options.CompareOptions;
import org.tifa.options.ReportOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.report.ChinaMaps;
import org.tifa.report.ReportModel;
import org.tifa.report.ReportModels;
import org.tifa.report.ReportPage;
import org.tifa.schema.Tables;
import org.tifa.write.TextFile;

/**
 * {@code tifa report}: one committed snapshot in (and optionally a base snapshot to compare with),
 * one self-contained HTML page out.
 *
 * <ol>
 *   <li>read — the snapshot's documents, terms, term_counts, quarantine and regions tables
 *       (resolved and checked before Spark started)
 *   <li>compare — with --compare-with, term_changes of the whole snapshots at country level ({@link
 *       TermChanges}, the stage of tifa compare)
 *   <li>collect — the small figures each chart shows ({@link ReportModels})
 *   <li>render — the page with its data, script, chart library and map shapes inlined ({@link
 *       ReportPage})
 *   <li>write — the HTML file
 * </ol>
 */
public final class ReportJob {
  private final ReportOptions options;
  private final TifaConfig config;
  private final SnapshotRef snapshot;
  private final SnapshotRef base;

  /** What the console line is made from. */
  public record Result(String output, long bytes, ReportModel model) {}

  /** {@code base} is null without --compare-with. */
  public ReportJob(
      ReportOptions options, TifaConfig config, SnapshotRef snapshot, SnapshotRef base) {
    this.options = options;
    this.config = config;
    this.snapshot = snapshot;
    this.base = base;
  }

  /** The grains whose trends the page draws: monthly and yearly. */
  static final List<String> TREND_GRAINS = List.of("month", "year");

  /**
   * The warning for a snapshot counted without a grain of the page's trends (term_counts at day and
   * quarter only, by configuration), or empty: the page is still made, with those trends left
   * empty.
   */
  static Optional<String> trendsWarning(String snapshotId, List<String> grains) {
    List<String> missing = TREND_GRAINS.stream().filter(g -> !grains.contains(g)).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "snapshot "
            + snapshotId
            + " was counted at "
            + String.join(", ", grains)
            + " only: the page's "
            + String.join(" and ", missing.stream().map(g -> g + "ly").toList())
            + " trends are left empty");
  }

  public Result run(SparkSession spark) throws IOException {
    SnapshotTables tables = SnapshotTables.read(spark, snapshot);
    ReportModels.Snapshot snap =
        new ReportModels.Snapshot(
            snapshot.snapshotId(),
            snapshot.manifest(),
            tables.documents(),
            tables.terms(),
            tables.termCounts(),
            read(spark, Tables.QUARANTINE, Tables.QUARANTINE_SCHEMA),
            read(spark, Tables.REGIONS, Tables.REGIONS_SCHEMA),
            snapshot.manifest().path("tables").has(Tables.MENTIONS)
                ? read(spark, Tables.MENTIONS, Tables.MENTIONS_SCHEMA)
                : null);

    ReportModels.Comparison comparison = null;
    if (base != null) {
      Dataset<Row> changes =
          TermChanges.of(
              SnapshotTables.read(spark, base),
              tables,
              CompareOptions.ALL,
              "country",
              CompareOptions.DEFAULT_ALPHA);
      comparison =
          new ReportModels.Comparison(
              base.snapshotId(), snapshot.snapshotId(), CompareOptions.ALL, "country", changes);
    }

    Properties vendor = ReportPage.vendorVersions();
    ReportModel model =
        ReportModels.build(
            snap,
            new ReportModels.Settings(
                options.top(),
                options.region(),
                Version.TIFA,
                vendor.getProperty("echarts"),
                vendor.getProperty("maps"),
                config.reportMinPeriodDocuments),
            comparison);

    String provinceGeo =
        model.subdivisionMap() == null
            ? null
            : ChinaMaps.provinceGeoJson(model.subdivisionMap().province().code());
    String html = ReportPage.render(model, ChinaMaps.chinaGeoJson(), provinceGeo);
    long bytes;
    try {
      bytes = TextFile.write(options.output(), html, spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new ConfigException(
          "--output " + options.output() + ": cannot write: " + e.getMessage());
    }
    return new Result(options.output(), bytes, model);
  }

  private Dataset<Row> read(
      SparkSession spark, String table, org.apache.spark.sql.types.StructType schema) {
    return spark.read().schema(schema).parquet(snapshot.table(table));
  }
}
