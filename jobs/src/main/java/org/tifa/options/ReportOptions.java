package org.tifa.options;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;

/**
 * Everything {@code tifa report} needs, validated before Spark starts.
 *
 * @param snapshot the snapshot to show: its directory, its root (LATEST is read) or a LATEST file
 * @param compareWith a base snapshot, given the same ways, to show changes against; or null
 * @param output the HTML file to write
 * @param region a GB/T 2260 code for the regional trend and the province map, or null for the
 *     province with the most documents
 * @param top terms per ranking
 * @param confFile a YAML file overriding the bundled settings (its {@code report} section), or null
 * @param verbose Spark and Tifa log at INFO/DEBUG instead of WARN/INFO
 */
public record ReportOptions(
    String snapshot,
    String compareWith,
    String output,
    String region,
    int top,
    String confFile,
    boolean verbose) {

  public static final int DEFAULT_TOP = 10;
  public static final int MAX_TOP = 50;
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  /** Throws {@link ConfigException} with a one-line message on the first problem found. */
  public ReportOptions validate() {
    if (snapshot == null || snapshot.isBlank()) {
      throw new ConfigException(
          "--snapshot must name a snapshot directory, a snapshot root or its LATEST file");
    }
    if (compareWith != null && compareWith.isBlank()) {
      throw new ConfigException(
          "--compare-with must name a snapshot directory, a snapshot root or its LATEST file");
    }
    if (output == null || output.isBlank()) {
      throw new ConfigException("--output must name an .html file");
    }
    String lower = output.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".html") && !lower.endsWith(".htm")) {
      throw new ConfigException(
          "--output " + ConfigException.quote(output) + " must end with .html");
    }
    if (region != null && !CODE.matcher(region).matches()) {
      throw new ConfigException(
          "--region "
              + ConfigException.quote(region)
              + " is not a GB/T 2260 code (six digits, e.g. 371500)");
    }
    if (top < 1 || top > MAX_TOP) {
      throw new ConfigException("--top must be from 1 to " + MAX_TOP + ", got " + top);
    }
    return this;
  }
}
