package org.tifa.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tifa.ReferenceData;
import org.tifa.RunJob;
import org.tifa.analyze.AnalyzeDocuments;
import org.tifa.ingest.ListInputs;
import org.tifa.ingest.ReadReports;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Columns;
import org.tifa.spark.Logs;
import org.tifa.spark.Sessions;

/**
 * A lower bound of {@code tifa run} in Tifa's own terms: its reader and its one pass over each
 * document (parse, normalize, resolve the region, find quoted candidates, MinHash signature), as
 * the job runs them ({@link ReadReports#marked}, {@link AnalyzeDocuments#apply}, the bundled
 * reference data and settings), every column computed and thrown away (Spark's {@code noop} sink).
 * Nothing after that pass — duplicates, term extraction, counting, writing — and no cache written.
 * Whatever the rest of the job costs, a run cannot take less than this. Usage: {@code FirstPassOnly
 * INPUT...}.
 */
public final class FirstPassOnly {
  private FirstPassOnly() {}

  /** Every record read and analyzed, as the run's first pass marks them. */
  static Dataset<Row> analyzed(
      SparkSession spark,
      List<ListInputs.InputFile> files,
      ReferenceData reference,
      TifaConfig config) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return AnalyzeDocuments.apply(
        ReadReports.marked(spark, files, RunJob.readSettings(config)),
        jsc.broadcast(reference.documentAnalyzer(RunJob.dedupSettings(config))),
        config.quarantineRawBytes);
  }

  /**
   * Runs the pass to the noop sink; returns the records read and the accepted ones, counted on the
   * way.
   */
  static long[] run(SparkSession spark, List<ListInputs.InputFile> files, TifaConfig config)
      throws InterruptedException {
    Observation seen = new Observation("first pass");
    analyzed(spark, files, ReferenceData.bundled(), config)
        .observe(
            seen,
            count(lit(1)).as("read"),
            count(when(col(Columns.REASON).isNull(), lit(1))).as("accepted"))
        .write()
        .format("noop")
        .mode("overwrite")
        .save();
    Map<String, Object> counts = seen.getAsJava();
    return new long[] {(Long) counts.get("read"), (Long) counts.get("accepted")};
  }

  public static void main(String[] args) throws Exception {
    Logs.configure(false);
    TifaConfig config = TifaConfig.defaults();
    SparkSession spark = Sessions.create("bench first pass", false);
    try {
      List<ListInputs.InputFile> files =
          ListInputs.list(
              List.of(args), config.extensions, spark.sparkContext().hadoopConfiguration());
      long[] counts = run(spark, files, config);
      System.out.println("pass: " + counts[0] + " records, " + counts[1] + " accepted");
    } finally {
      spark.stop();
    }
  }
}
