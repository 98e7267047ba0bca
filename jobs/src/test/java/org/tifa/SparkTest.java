package org.tifa;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every test that needs Spark: spark-testing-base's shared local context, configured like
 * {@code Sessions} configures an embedded run (UTC, Java time types, few partitions, no UI).
 */
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
    return new SparkConf()
        .setMaster("local[2]")
        .setAppName("tifa-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.sql.shuffle.partitions", "4")
        .set("spark.sql.session.timeZone", "UTC")
        .set("spark.sql.datetime.java8API.enabled", "true")
        .set("spark.ui.showConsoleProgress", "false");
  }
}
