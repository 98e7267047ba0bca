package org.tifa.options;

import java.util.List;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;
import org.tifa.schema.Dimensions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything {@code tifa compare} needs: its options, declared here once for the command line (the
 * {@code tifa compare} command mixes them in) and for callers that build a comparison from
 * arguments ({@link #parse}); validated before Spark starts.
 */
public final class CompareOptions {

  public static final String ALL = Dimensions.WHOLE_PERIOD;
  public static final List<String> GRAINS = List.of("day", "week", "month", "quarter", "year", ALL);

  /** Region levels from the coarsest down. */
  public static final List<String> LEVELS = Dimensions.REGION_LEVELS;

  /** The significance level of {@code --alpha}, also that of a report's changes. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** Like a snapshot id, long enough for the default {@code <base id>..<target id>}. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  @Option(
      names = "--base",
      required = true,
      paramLabel = "SNAPSHOT",
      description =
          "The base snapshot: its directory (DIR/<id>), its root DIR (the snapshot DIR/LATEST names) or DIR/LATEST itself.")
  private String base;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "SNAPSHOT",
      description = "The target snapshot, given the same ways.")
  private String target;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Comparison root directory: the comparison goes to DIR/<id>/.")
  private String output;

  @Option(
      names = "--grain",
      paramLabel = "GRAIN",
      description =
          "all: each region over the whole snapshots; day, week, month, quarter or year: the same periods of both. Default: ${DEFAULT-VALUE}")
  private String grain = ALL;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description =
          "Finest region level: term_changes covers country down to it, term_diffusion and region_similarity are at it (country, province, prefecture, county). Default: ${DEFAULT-VALUE}")
  private String level = "prefecture";

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "Rows per list (new slogans, risers, fallers) of the console summary. Default: ${DEFAULT-VALUE}")
  private int top = 10;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description =
          "Significance level of the two-proportion test: a share change with a smaller p-value is up or down, else same. Default: ${DEFAULT-VALUE}")
  private double alpha = DEFAULT_ALPHA;

  @Option(
      names = "--similar",
      paramLabel = "K",
      description =
          "Most similar partners kept per region in region_similarity. Default: ${DEFAULT-VALUE}")
  private int similar = 10;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "Comparison id. Default: <base id>..<target id>.")
  private String compareId;

  @Option(
      names = "--replace",
      description = "Replace an existing comparison of the same id (refused without it).")
  private boolean replace;

  @Mixin private Verbosity logging = new Verbosity();

  /**
   * The options of the command line {@code args}, as {@code tifa compare} reads them; validated.
   */
  public static CompareOptions parse(String... args) {
    return Arguments.parse(new CompareOptions(), args).validate();
  }

  /**
   * The base snapshot: a snapshot directory, a snapshot root (its LATEST is read) or a LATEST file.
   */
  public String base() {
    return base;
  }

  /** The target snapshot, given the same ways. */
  public String target() {
    return target;
  }

  /** The comparison root; comparisons go to {@code output/<compareId>}. */
  public String output() {
    return output;
  }

  /**
   * {@code day}, {@code week}, {@code month}, {@code quarter} or {@code year} to match periods of
   * that grain, {@code all} to compare each region over the whole snapshots.
   */
  public String grain() {
    return grain;
  }

  /**
   * The finest region level compared (term_changes covers every level from country down to it;
   * term_diffusion and region_similarity are at this level).
   */
  public String level() {
    return level;
  }

  /** Rows per list of the console summary. */
  public int top() {
    return top;
  }

  /** Partners kept per region in region_similarity. */
  public int similar() {
    return similar;
  }

  /** Significance level: a share change with a smaller p-value is up or down. */
  public double alpha() {
    return alpha;
  }

  /** The comparison's directory name, or null for {@code <base id>..<target id>}. */
  public String compareId() {
    return compareId;
  }

  /** Whether an existing comparison of the same id is replaced. */
  public boolean replace() {
    return replace;
  }

  /** Spark and Tifa log at INFO/DEBUG instead of WARN/INFO. */
  public boolean verbose() {
    return logging.verbose;
  }

  /** Throws {@link ConfigException} with a one-line message on the first problem found. */
  public CompareOptions validate() {
    requirePath("--base", base, "a snapshot directory, a snapshot root or its LATEST file");
    requirePath("--target", target, "a snapshot directory, a snapshot root or its LATEST file");
    requirePath("--output", output, "a directory");
    if (!GRAINS.contains(grain)) {
      throw new ConfigException(
          "--grain "
              + ConfigException.quote(grain)
              + " is not one of "
              + String.join(", ", GRAINS));
    }
    if (!LEVELS.contains(level)) {
      throw new ConfigException(
          "--level "
              + ConfigException.quote(level)
              + " is not one of "
              + String.join(", ", LEVELS));
    }
    if (top < 1) {
      throw new ConfigException("--top must be at least 1, got " + top);
    }
    if (similar < 1) {
      throw new ConfigException("--similar must be at least 1, got " + similar);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new ConfigException(
          "--alpha must be a number between 0 and 1 (both excluded), got " + alpha);
    }
    if (compareId != null) {
      checkId("--id " + ConfigException.quote(compareId), compareId);
    }
    return this;
  }

  /** The levels term_changes covers: country down to {@link #level}. */
  public List<String> levels() {
    return LEVELS.subList(0, LEVELS.indexOf(level) + 1);
  }

  /** The comparison id: {@link #compareId}, else {@code <base id>..<target id>}. */
  public String compareIdFor(String baseSnapshotId, String targetSnapshotId) {
    if (compareId != null) {
      return compareId;
    }
    String id = baseSnapshotId + ".." + targetSnapshotId;
    checkId("the default comparison id " + ConfigException.quote(id) + " (give --id)", id);
    return id;
  }

  private static void checkId(String what, String id) {
    if (!ID.matcher(id).matches()) {
      throw new ConfigException(
          what
              + " is not a valid id: use letters, digits, '.', '_' or '-', at most 201, starting with a letter or digit");
    }
    if (RunOptions.isReservedId(id)) {
      throw new ConfigException(what + " is reserved: LATEST names the pointer file of a root");
    }
  }

  private static void requirePath(String option, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(option + " must name " + what);
    }
  }
}
