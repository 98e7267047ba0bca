package org.tifa.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a job. Under spark-submit the master and resources come from the
 * submit command; run directly (bin/tifa, tests) it is an embedded {@code local[*]} Spark with the
 * UI off and few shuffle partitions. Times are handled in UTC inside Spark; Java time types in Rows.
 */
public final class Sessions {
  private Sessions() {}

  /**
   * Set (to "true") when the shuffle partitions are this class's embedded default rather than the
   * user's choice: a job may then size them to its input.
   */
  public static final String AUTO_SHUFFLE_PARTITIONS = "spark.tifa.shufflePartitions.auto";

  public static SparkSession create(String appName, boolean progressBar) {
    SparkConf conf = new SparkConf(true);
    boolean embedded = !conf.contains("spark.master");
    if (embedded) {
      conf.setMaster("local[*]");
      conf.setIfMissing("spark.ui.enabled", "false");
      if (!conf.contains("spark.sql.shuffle.partitions")) {
        conf.set("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
        conf.set(AUTO_SHUFFLE_PARTITIONS, "true");
      }
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    conf.setAppName(conf.get("spark.app.name", appName));
    conf.set("spark.sql.session.timeZone", "UTC");
    conf.set("spark.sql.datetime.java8API.enabled", "true");
    conf.setIfMissing("spark.ui.showConsoleProgress", String.valueOf(progressBar));
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
    // Cached rows are built into columnar batches in memory before they go to memory or disk; at
    // Spark's default of 10,000 rows a batch of document bodies (kilobytes each) took hundreds of
    // megabytes per task and ran a 1.2 GB heap out of memory on a 1 GB corpus.
    conf.setIfMissing("spark.sql.inMemoryColumnarStorage.batchSize", "1000");
    // Tifa's caches are on disk and read back once or twice; choosing a compression scheme per
    // column (a boxed hash map of every value) cost more than the disk it saved, and texts do not
    // compress by dictionary or run length anyway.
    conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
