package org.tifa;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.reference.TifaConfig;
import org.tifa.spark.Sessions;

/**
 * Where a run keeps intermediate results and how it partitions them, in one place, so that {@link
 * RunJob} reads as its steps.
 *
 * <p>Caching: what a run reads twice or more is persisted on disk only: the page cache serves it,
 * and in the heap it would leave a small heap no room and make a large one collect garbage. What it
 * persisted is released when it is done with it ({@link #release(Dataset[])}) and, whatever
 * happens, when the run ends ({@link #close}).
 *
 * <p>Partitioning: the accepted documents are split into one partition per 64 MiB of input and at
 * least two per core ({@link #documentPartitions}); an embedded session that left the shuffle
 * partitions to Tifa ({@link Sessions#AUTO_SHUFFLE_PARTITIONS}) gets at least as many for its
 * shuffles, restored at the end; term counting sizes its own ({@link #countPartitions}); a table is
 * written in one file per {@code output.rows_per_file} rows ({@link #files}).
 */
final class RunPolicy implements AutoCloseable {
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Rows of (cell, term) per task of term counting. */
  private static final long COUNT_ROWS_PER_TASK = 300_000;

  private final SparkSession spark;
  private final TifaConfig config;
  private final int documentPartitions;
  private final String shufflePartitions;
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  private RunPolicy(SparkSession spark, TifaConfig config, List<InputFile> files) {
    this.spark = spark;
    this.config = config;
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    this.documentPartitions =
        (int) Math.max(2L * parallelism(), Math.min(10_000, bytes / (64L << 20)));
    this.shufflePartitions = spark.conf().get(SHUFFLE_PARTITIONS);
  }

  /** The policy of one run over {@code files}; the session's settings it changes are restored. */
  static RunPolicy start(SparkSession spark, TifaConfig config, List<InputFile> files) {
    RunPolicy policy = new RunPolicy(spark, config, files);
    if (Boolean.parseBoolean(spark.conf().get(Sessions.AUTO_SHUFFLE_PARTITIONS, "false"))) {
      int current = Integer.parseInt(policy.shufflePartitions);
      spark
          .conf()
          .set(SHUFFLE_PARTITIONS, String.valueOf(Math.max(current, policy.documentPartitions)));
    }
    return policy;
  }

  /** Partitions of the accepted documents: one per 64 MiB of input, at least two per core. */
  int documentPartitions() {
    return documentPartitions;
  }

  /**
   * Partitions for counting terms: about {@value #COUNT_ROWS_PER_TASK} rows of (cell, term) per
   * task, estimated from the term hits (each counted at up to every grain and three region levels),
   * and at least two per core, so that no task's hash map spills.
   */
  int countPartitions(long hits) {
    long rows = hits * config.grains.size() * 3;
    long wanted = (rows + COUNT_ROWS_PER_TASK - 1) / COUNT_ROWS_PER_TASK;
    return (int) Math.max(2L * parallelism(), Math.min(10_000, wanted));
  }

  /** Files of a table of {@code rows} rows: one per {@code output.rows_per_file}, 1 to 1000. */
  int files(long rows) {
    return (int) Math.max(1, Math.min(1000, (rows + config.rowsPerFile - 1) / config.rowsPerFile));
  }

  /** {@code data} persisted on disk only, until released. */
  Dataset<Row> onDisk(Dataset<Row> data) {
    return keep(data.persist(StorageLevel.DISK_ONLY()));
  }

  /** {@code data} persisted in memory where it fits, else on disk, until released. */
  Dataset<Row> inMemory(Dataset<Row> data) {
    return keep(data.persist(StorageLevel.MEMORY_AND_DISK()));
  }

  private Dataset<Row> keep(Dataset<Row> data) {
    persisted.add(data);
    return data;
  }

  /** Releases what is no longer read, without waiting. */
  @SafeVarargs
  final void release(Dataset<Row>... done) {
    for (Dataset<Row> d : done) {
      d.unpersist(false);
    }
  }

  /**
   * Ends the run: the shuffle partitions restored, every cache of the session released (the stages'
   * own too).
   */
  @Override
  public void close() {
    spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions);
    spark.sparkContext().setJobDescription(null);
    spark.sqlContext().clearCache();
    JavaSparkContext.fromSparkContext(spark.sparkContext())
        .getPersistentRDDs()
        .values()
        .forEach(rdd -> rdd.unpersist(false));
  }

  private int parallelism() {
    return spark.sparkContext().defaultParallelism();
  }
}
