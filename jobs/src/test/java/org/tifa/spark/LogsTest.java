package org.tifa.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * Tifa's default logging levels, read back from the logging context Spark's classes log to. Ends
 * with the default configuration, as a run leaves it.
 */
class LogsTest {
  private static Level level(String logger) {
    LoggerContext context =
        (LoggerContext) LogManager.getContext(SparkConf.class.getClassLoader(), false);
    return context.getLogger(logger).getLevel();
  }

  @Test
  void perBlockCachingWarningsAreQuietUnlessVerbose() {
    String memoryStore = "org.apache.spark.storage.memory.MemoryStore";
    String blockManager = "org.apache.spark.storage.BlockManager";
    try {
      Logs.configure(true);
      assertEquals(Level.WARN, level(memoryStore));
      assertEquals(Level.WARN, level(blockManager));
      assertEquals(Level.INFO, level("org.apache.spark.SparkContext"));
      assertEquals(Level.DEBUG, level("org.tifa.RunJob"));
    } finally {
      Logs.configure(false);
    }
    assertEquals(Level.ERROR, level(memoryStore));
    assertEquals(Level.ERROR, level(blockManager));
    // Everything else of Spark stays at WARN, Tifa at INFO.
    assertEquals(Level.WARN, level("org.apache.spark.storage.DiskBlockManager"));
    assertEquals(Level.WARN, level("org.apache.spark.SparkContext"));
    assertEquals(Level.INFO, level("org.tifa.RunJob"));
  }
}
