package org.tifa.options;

import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything {@code tifa run} needs: its options, declared here once for the command line (the
 * {@code tifa run} command mixes them in) and for callers that build a run from arguments ({@link
 * #parse}); validated before Spark starts.
 */
public final class RunOptions {

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** The snapshot root used when neither --input nor --output is given. */
  public static final String DEFAULT_OUTPUT = "tifa-out";

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Input file, directory or glob (local, hdfs://, s3a://); .jsonl, .json and their .gz/.bz2 forms. Repeatable. Default: the bundled sample.")
  private List<String> inputs;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Snapshot root directory. Default: ./" + DEFAULT_OUTPUT)
  private String output;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "YAML file overriding the bundled conf/tifa.yaml settings.")
  private String confFile;

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description =
          "Snapshot id. Default: the UTC start time, e.g. 20240319T074903Z (-2, -3, … appended when taken).")
  private String snapshotId;

  @Option(
      names = "--replace",
      description = "Replace an existing snapshot of the same id (refused without it).")
  private boolean replace;

  @Option(
      names = "--max-quarantine-ratio",
      paramLabel = "R",
      description =
          "Exit 4 when more than this share of records is quarantined (0..1). Default: run.max_quarantine_ratio of the configuration (--conf, else conf/tifa.yaml)")
  private Double maxQuarantineRatio;

  @Mixin private Verbosity logging = new Verbosity();

  /** The options of the command line {@code args}, as {@code tifa run} reads them; validated. */
  public static RunOptions parse(String... args) {
    return Arguments.parse(new RunOptions(), args).validate();
  }

  /** Files, directories or globs on any Hadoop filesystem. */
  public List<String> inputs() {
    return inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** The snapshot root; snapshots go to {@code output/<snapshotId>}. */
  public String output() {
    return output;
  }

  /** A YAML file overriding the bundled settings, or null. */
  public String confFile() {
    return confFile;
  }

  /** The snapshot's name, or null for the UTC start time. */
  public String snapshotId() {
    return snapshotId;
  }

  /** Whether an existing snapshot of the same id is replaced. */
  public boolean replace() {
    return replace;
  }

  /** Above this share of quarantined records the run exits 4; null for the configured default. */
  public Double maxQuarantineRatio() {
    return maxQuarantineRatio;
  }

  /** Spark and Tifa log at INFO/DEBUG instead of WARN/INFO. */
  public boolean verbose() {
    return logging.verbose;
  }

  /**
   * Without --input, the bundled sample of the Tifa installation at {@code home} (when known) and,
   * without --output too, the snapshot root {@value #DEFAULT_OUTPUT}.
   */
  public RunOptions withDefaults(String home) {
    if (inputs == null || inputs.isEmpty()) {
      if (output == null) {
        output = DEFAULT_OUTPUT;
      }
      if (home != null) {
        inputs = List.of(new File(home, "data/sample/input").getPath());
      }
    }
    return this;
  }

  /**
   * Whether an id is the name of a root's pointer file, in any letter case (a case-insensitive
   * filesystem would otherwise put the snapshot where the pointer is).
   */
  public static boolean isReservedId(String id) {
    return id.equalsIgnoreCase("LATEST");
  }

  /** Throws {@link ConfigException} with a one-line message on the first problem found. */
  public RunOptions validate() {
    if (inputs().isEmpty()) {
      throw new ConfigException(
          "no input: give --input PATH (or run from a Tifa checkout to use the bundled sample)");
    }
    for (String in : inputs) {
      if (in == null || in.isBlank()) {
        throw new ConfigException("--input must not be empty");
      }
    }
    if (output == null || output.isBlank()) {
      throw new ConfigException("--output must name a directory");
    }
    if (snapshotId != null && !SNAPSHOT_ID.matcher(snapshotId).matches()) {
      throw new ConfigException(
          "--snapshot "
              + ConfigException.quote(snapshotId)
              + " is not a valid id: use letters, digits, '.', '_' or '-', at most 100, starting with a letter or digit");
    }
    if (snapshotId != null && isReservedId(snapshotId)) {
      throw new ConfigException(
          "--snapshot '"
              + snapshotId
              + "' is reserved: LATEST names the pointer file of a snapshot root");
    }
    if (maxQuarantineRatio != null && !(maxQuarantineRatio >= 0 && maxQuarantineRatio <= 1)) {
      throw new ConfigException(
          "--max-quarantine-ratio must be a number from 0 to 1, got " + maxQuarantineRatio);
    }
    return this;
  }
}
