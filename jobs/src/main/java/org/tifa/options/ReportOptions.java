package org.tifa.options;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything {@code tifa report} needs: its options, declared here once for the command line (the
 * {@code tifa report} command mixes them in) and for callers that build a report from arguments
 * ({@link #parse}); validated before Spark starts.
 */
public final class ReportOptions {

  public static final int MAX_TOP = 50;
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "SNAPSHOT",
      description =
          "The snapshot to show: its directory (DIR/<id>), its root DIR (the snapshot DIR/LATEST names) or DIR/LATEST itself.")
  private String snapshot;

  @Option(
      names = "--compare-with",
      paramLabel = "SNAPSHOT",
      description =
          "A base snapshot, given the same ways: adds the biggest risers and fallers since it, with their significance, and the new slogans.")
  private String compareWith;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE.html",
      description = "The HTML file to write (replaced if it exists).")
  private String output;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description =
          "GB/T 2260 code of the region whose monthly trend is set against the country's, and whose province is mapped by prefecture. Default: the province with the most documents")
  private String region;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Terms per ranking, map selector and trend (1..50). Default: ${DEFAULT-VALUE}")
  private int top = 10;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "YAML file overriding the bundled conf/tifa.yaml settings (its report section).")
  private String confFile;

  @Mixin private Verbosity logging = new Verbosity();

  /** The options of the command line {@code args}, as {@code tifa report} reads them; validated. */
  public static ReportOptions parse(String... args) {
    return Arguments.parse(new ReportOptions(), args).validate();
  }

  /** The snapshot to show: its directory, its root (LATEST is read) or a LATEST file. */
  public String snapshot() {
    return snapshot;
  }

  /** A base snapshot, given the same ways, to show changes against; or null. */
  public String compareWith() {
    return compareWith;
  }

  /** The HTML file to write. */
  public String output() {
    return output;
  }

  /**
   * A GB/T 2260 code for the regional trend and the province map, or null for the province with the
   * most documents.
   */
  public String region() {
    return region;
  }

  /** Terms per ranking. */
  public int top() {
    return top;
  }

  /** A YAML file overriding the bundled settings (its {@code report} section), or null. */
  public String confFile() {
    return confFile;
  }

  /** Spark and Tifa log at INFO/DEBUG instead of WARN/INFO. */
  public boolean verbose() {
    return logging.verbose;
  }

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
