package org.tifa.options;

import java.util.List;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;

/**
 * Everything {@code tifa run} needs, validated before Spark starts.
 *
 * @param inputs files, directories or globs on any Hadoop filesystem
 * @param output the snapshot root; snapshots go to {@code output/<snapshotId>}
 * @param confFile a YAML file overriding the bundled settings, or null
 * @param snapshotId the snapshot's name, or null for the UTC start time
 * @param maxQuarantineRatio above this share of quarantined records the run exits 4, or null for
 *     the configured default
 * @param verbose Spark and Tifa log at INFO/DEBUG instead of WARN/INFO
 */
public record RunOptions(
    List<String> inputs,
    String output,
    String confFile,
    String snapshotId,
    Double maxQuarantineRatio,
    boolean verbose) {

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public RunOptions {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
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
    if (inputs.isEmpty()) {
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
