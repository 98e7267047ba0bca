package org.tifa;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.tifa.spark.Sessions;

/**
 * Base of every test that needs Spark: spark-testing-base's shared local context, configured like
 * {@code Sessions} configures an embedded run (UTC, Java time types, few partitions, no UI). Tagged
 * {@code spark}: the tests of the Spark stages, which each older Spark line runs
 * (scripts/check-spark-line).
 */
@Tag("spark")
public abstract class SparkTest extends JavaDataFrameSuiteBase {

  @BeforeEach
  public void startSpark() {
    runBefore();
  }

  @AfterAll
  public static void stopSpark() {
    runAfterClass();
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @Override
  public SparkConf conf() {
    return Sessions.avoidKnownBugs(
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("tifa-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.sql.shuffle.partitions", "4")
            .set("spark.sql.session.timeZone", "UTC")
            .set("spark.sql.datetime.java8API.enabled", "true")
            .set("spark.ui.showConsoleProgress", "false"));
  }

  /**
   * The schema with every field nullable: joins, aggregates and Parquet do not keep non-null flags.
   */
  protected static StructType nullable(StructType schema) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      out = out.add(f.name(), f.dataType(), true);
    }
    return out;
  }

  /** The same rows under another schema of the same column types (e.g. nullability relaxed). */
  protected Dataset<Row> as(Dataset<Row> rows, StructType schema) {
    return spark().createDataFrame(rows.javaRDD(), schema);
  }
}
