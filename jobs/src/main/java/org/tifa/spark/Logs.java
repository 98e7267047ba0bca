package org.tifa.spark;

import java.net.URISyntaxException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Quiet logging by default: Spark and its libraries at WARN, Tifa at INFO; {@code --verbose}
 * lowers both a step. Done before the session exists so that Spark's own start-up lines follow
 * it. A user's {@code -Dlog4j2.configurationFile} wins over all of this.
 */
public final class Logs {
  private Logs() {}

  public static void configure(boolean verbose) {
    if (System.getProperty("log4j2.configurationFile") == null) {
      try {
        java.net.URL config = Logs.class.getClassLoader().getResource("tifa/log4j2.properties");
        if (config != null) {
          Configurator.reconfigure(config.toURI());
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
      Configurator.setLevel("org.tifa", Level.DEBUG);
    }
  }

  public static Logger tifa() {
    return LogManager.getLogger("org.tifa");
  }
}
