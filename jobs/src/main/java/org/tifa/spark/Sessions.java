package org.tifa.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.tifa.error.ConfigException;

/**
 * Builds the one SparkSession of a job. Under spark-submit the master and resources come from the
 * submit command; run directly (bin/tifa, tests) it is an embedded {@code local[*]} Spark with the
 * UI off and few shuffle partitions. Times are handled in UTC inside Spark; Java time types in
 * Rows.
 */
public final class Sessions {
  private Sessions() {}

  /**
   * Set (to "true") when the shuffle partitions are this class's embedded default rather than the
   * user's choice: a job may then size them to its input.
   */
  public static final String AUTO_SHUFFLE_PARTITIONS = "spark.tifa.shufflePartitions.auto";

  /** Characters of a query's plan description kept (see {@link #conf}). */
  static final int MAX_PLAN_STRING = 256 << 10;

  /**
   * The smallest heap on which Spark starts a session: one and a half times the 300 MiB it reserves
   * for itself (its UnifiedMemoryManager refuses less with a stack trace).
   */
  static final long MIN_HEAP = 450L << 20;

  /**
   * The job's session: one that a platform started is reused; a new one is refused, with a message
   * a user can act on, when the JVM's heap is below {@link #MIN_HEAP}.
   */
  public static SparkSession create(String appName, boolean progressBar) {
    SparkConf conf = conf(appName, progressBar, new SparkConf(true));
    if (SparkSession.getDefaultSession().isEmpty() && !conf.contains("spark.testing.memory")) {
      String problem = heapProblem(Runtime.getRuntime().maxMemory());
      if (problem != null) {
        throw new ConfigException(problem);
      }
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** Why a JVM with at most {@code maxHeap} bytes of heap cannot start Spark, or null if it can. */
  static String heapProblem(long maxHeap) {
    if (maxHeap >= MIN_HEAP) {
      return null;
    }
    return String.format(
        "the JVM's heap is %d MiB, below the %d MiB Spark needs to start: give it more"
            + " (bin/tifa: TIFA_JAVA_OPTS=\"-Xmx1200m -XX:+UseParallelGC\"; spark-submit:"
            + " --driver-memory 1g)",
        maxHeap >> 20, MIN_HEAP >> 20);
  }

  /**
   * {@code given} (the spark-submit or system-property settings) with Tifa's defaults added where
   * it sets nothing; the time zone and Java time types always.
   */
  static SparkConf conf(String appName, boolean progressBar, SparkConf given) {
    SparkConf conf = given.clone();
    boolean embedded = !conf.contains("spark.master");
    if (embedded) {
      conf.setMaster("local[*]");
      conf.setIfMissing("spark.ui.enabled", "false");
      if (!conf.contains("spark.sql.shuffle.partitions")) {
        conf.set(
            "spark.sql.shuffle.partitions",
            String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
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
    // Spark describes every query by its whole plan, the plan of each cache it reads included, and
    // sends that text to its listeners (SQL status, event log) again at every adaptive re-plan.
    // Tifa's later queries read caches of caches: at 1 GiB their descriptions reached 12 MB each,
    // and a variant that read one more cache ran a 1.2 GB driver out of memory writing its event
    // log. The first 256 KiB are more than a person reads.
    conf.setIfMissing("spark.sql.maxPlanStringLength", String.valueOf(MAX_PLAN_STRING));
    // Cached rows are built into columnar batches in memory before they go to memory or disk; at
    // Spark's default of 10,000 rows a batch of document bodies (kilobytes each) took hundreds of
    // megabytes per task and ran a 1.2 GB heap out of memory on a 1 GB corpus.
    conf.setIfMissing("spark.sql.inMemoryColumnarStorage.batchSize", "1000");
    // Tifa's caches are on disk and read back once or twice; choosing a compression scheme per
    // column (a boxed hash map of every value) cost more than the disk it saved, and texts do not
    // compress by dictionary or run length anyway.
    conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    return avoidKnownBugs(conf);
  }

  /**
   * {@code conf} with the optimizer rules that give wrong results on the Spark release of the class
   * path excluded. Spark 3.5.0 cuts a window's rows down to its rank filter (InferWindowGroupLimit)
   * even when other functions of that window need the rows it drops (SPARK-45543, fixed in 3.5.1):
   * every kept record's count of exact copies came out 0.
   */
  public static SparkConf avoidKnownBugs(SparkConf conf) {
    if (RELEASE_WITH_WRONG_GROUP_LIMIT.equals(sparkVersion())) {
      String excluded = conf.get(EXCLUDED_RULES, "");
      conf.set(
          EXCLUDED_RULES,
          excluded.isBlank() ? GROUP_LIMIT_RULE : excluded + "," + GROUP_LIMIT_RULE);
    }
    return conf;
  }

  static final String EXCLUDED_RULES = "spark.sql.optimizer.excludedRules";
  static final String GROUP_LIMIT_RULE =
      "org.apache.spark.sql.catalyst.optimizer.InferWindowGroupLimit";
  private static final String RELEASE_WITH_WRONG_GROUP_LIMIT = "3.5.0";

  /** The version of the Spark on the class path, as its build recorded it ("" when unknown). */
  static String sparkVersion() {
    try (InputStream in =
        SparkConf.class.getClassLoader().getResourceAsStream("spark-version-info.properties")) {
      if (in == null) {
        return "";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "");
    } catch (IOException e) {
      return "";
    }
  }
}
