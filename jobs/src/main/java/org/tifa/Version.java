package org.tifa;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tifa's own version, filtered into the jar at build time. */
public final class Version {
  private Version() {}

  public static final String TIFA = load();

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        Version.class.getClassLoader().getResourceAsStream("tifa/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
