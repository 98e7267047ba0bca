package org.tifa.options;

import java.util.List;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;
import org.tifa.schema.Dimensions;

/**
 * Everything {@code tifa compare} needs, validated before Spark starts.
 *
 * @param base the base snapshot: a snapshot directory, a snapshot root (its LATEST is read) or a
 *     LATEST file
 * @param target the target snapshot, given the same ways
 * @param output the comparison root; comparisons go to {@code output/<compareId>}
 * @param grain {@code day}, {@code week}, {@code month}, {@code quarter} or {@code year} to match
 *     periods of that grain, {@code all} to compare each region over the whole snapshots
 * @param level the finest region level compared (term_changes covers every level from country down
 *     to it; term_diffusion and region_similarity are at this level)
 * @param top rows per list of the console summary
 * @param similar partners kept per region in region_similarity
 * @param alpha significance level: a share change with a smaller p-value is up or down
 * @param compareId the comparison's directory name, or null for {@code <base id>..<target id>}
 * @param verbose Spark and Tifa log at INFO/DEBUG instead of WARN/INFO
 */
public record CompareOptions(
    String base,
    String target,
    String output,
    String grain,
    String level,
    int top,
    int similar,
    double alpha,
    String compareId,
    boolean verbose) {

  public static final String ALL = Dimensions.WHOLE_PERIOD;
  public static final List<String> GRAINS = List.of("day", "week", "month", "quarter", "year", ALL);

  /** Region levels from the coarsest down. */
  public static final List<String> LEVELS = Dimensions.REGION_LEVELS;

  public static final String DEFAULT_GRAIN = ALL;
  public static final String DEFAULT_LEVEL = "prefecture";
  public static final int DEFAULT_TOP = 10;
  public static final int DEFAULT_SIMILAR = 10;
  public static final double DEFAULT_ALPHA = 0.05;

  /** Like a snapshot id, long enough for the default {@code <base id>..<target id>}. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  /**
   * The options with every default: what {@code tifa compare --base B --target T --output O} means.
   */
  public static CompareOptions of(String base, String target, String output) {
    return new CompareOptions(
        base,
        target,
        output,
        DEFAULT_GRAIN,
        DEFAULT_LEVEL,
        DEFAULT_TOP,
        DEFAULT_SIMILAR,
        DEFAULT_ALPHA,
        null,
        false);
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
