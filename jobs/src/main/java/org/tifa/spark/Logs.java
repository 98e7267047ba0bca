package org.tifa.spark;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.spark.SparkConf;

/**
 * Quiet logging by default: Spark and its libraries at WARN, Tifa at INFO; {@code --verbose} lowers
 * both a step. Done before the session exists so that Spark's own start-up lines follow it. A
 * user's {@code -Dlog4j2.configurationFile} wins over all of this.
 *
 * <p>Under spark-submit Tifa's classes come from a child class loader, and log4j keeps one logging
 * context per class loader: the context changed here is Spark's (the one of the loader of Spark's
 * classes), not one only Tifa would see.
 */
public final class Logs {
  private Logs() {}

  /** Loggers tifa/log4j2.properties keeps at ERROR by default, back at WARN with --verbose. */
  static final java.util.List<String> QUIET_UNLESS_VERBOSE =
      java.util.List.of(
          "org.apache.spark.storage.memory.MemoryStore", "org.apache.spark.storage.BlockManager");

  private static LoggerContext sparkContext() {
    return (LoggerContext) LogManager.getContext(SparkConf.class.getClassLoader(), false);
  }

  public static void configure(boolean verbose) {
    LoggerContext context = sparkContext();
    if (System.getProperty("log4j2.configurationFile") == null) {
      URL config = Logs.class.getClassLoader().getResource("tifa/log4j2.properties");
      if (config != null) {
        try {
          context.setConfigLocation(config.toURI());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (verbose) {
      Configuration c = context.getConfiguration();
      c.getRootLogger().setLevel(Level.INFO);
      setIfNamed(c, "org.tifa", Level.DEBUG);
      for (String quieted : QUIET_UNLESS_VERBOSE) {
        setIfNamed(c, quieted, Level.WARN);
      }
      context.updateLoggers();
    }
  }

  /**
   * Sets a logger's level where the configuration names that logger; otherwise log4j's look-up
   * gives an ancestor's configuration (in a user's own file, often the root's), left alone.
   */
  private static void setIfNamed(Configuration c, String name, Level level) {
    org.apache.logging.log4j.core.config.LoggerConfig logger = c.getLoggerConfig(name);
    if (logger.getName().equals(name)) {
      logger.setLevel(level);
    }
  }

  public static Logger tifa() {
    return sparkContext().getLogger("org.tifa");
  }
}
