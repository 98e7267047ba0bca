package org.tifa.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * The configuration a job's session starts from: Tifa's defaults, and what a user sets winning over
 * them.
 */
class SessionsTest {
  @Test
  void anEmbeddedRunGetsTifasDefaults() {
    SparkConf conf = Sessions.conf("tifa run", false, new SparkConf(false));

    assertEquals("local[*]", conf.get("spark.master"));
    assertEquals("false", conf.get("spark.ui.enabled"));
    assertEquals("true", conf.get(Sessions.AUTO_SHUFFLE_PARTITIONS));
    assertEquals("tifa run", conf.get("spark.app.name"));
    assertEquals("UTC", conf.get("spark.sql.session.timeZone"));
    // 256 KiB of plan description per query, not the megabytes a run's later queries had.
    assertEquals("262144", conf.get("spark.sql.maxPlanStringLength"));
    assertEquals("1000", conf.get("spark.sql.inMemoryColumnarStorage.batchSize"));
  }

  @Test
  void whatTheUserSetsWins() {
    SparkConf given =
        new SparkConf(false)
            .set("spark.master", "spark://head:7077")
            .set("spark.app.name", "nightly")
            .set("spark.sql.shuffle.partitions", "400")
            .set("spark.sql.maxPlanStringLength", "1000000")
            .set("spark.sql.inMemoryColumnarStorage.batchSize", "5000");

    SparkConf conf = Sessions.conf("tifa run", true, given);

    assertEquals("spark://head:7077", conf.get("spark.master"));
    assertEquals("nightly", conf.get("spark.app.name"));
    assertEquals("400", conf.get("spark.sql.shuffle.partitions"));
    assertFalse(
        conf.contains(Sessions.AUTO_SHUFFLE_PARTITIONS),
        "partitions the user chose are not resized");
    assertFalse(conf.contains("spark.ui.enabled"), "a cluster's UI is the cluster's business");
    assertEquals("1000000", conf.get("spark.sql.maxPlanStringLength"));
    assertEquals("5000", conf.get("spark.sql.inMemoryColumnarStorage.batchSize"));
    assertEquals("true", conf.get("spark.ui.showConsoleProgress"));
  }

  @Test
  void aHeapBelowSparksFloorIsRefusedWithAMessage() {
    // Spark's own refusal: "System memory 149422080 must be at least 471859200" (450 MiB).
    assertNull(Sessions.heapProblem(471_859_200L));
    assertNull(Sessions.heapProblem(1200L << 20));
    String problem = Sessions.heapProblem(149_422_080L);
    assertTrue(problem.startsWith("the JVM's heap is 142 MiB, below the 450 MiB"), problem);
    assertNotNull(Sessions.heapProblem(471_859_199L));
  }
}
