package org.tifa.options;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything {@code tifa passages} needs: its options, declared here once for the command line (the
 * {@code tifa passages} command mixes them in) and for callers that look passages up from arguments
 * ({@link #parse}); validated before Spark starts.
 */
public final class PassagesOptions {

  public static final int MAX_LIMIT = 100_000;
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  @Option(
      names = "--snapshot",
      required = true,
      paramLabel = "SNAPSHOT",
      description =
          "The snapshot to read: its directory (DIR/<id>), its root DIR (the snapshot DIR/LATEST names) or DIR/LATEST itself.")
  private String snapshot;

  @Option(
      names = "--term",
      required = true,
      paramLabel = "TERM",
      description =
          "A slogan or topic: its id, display form or an alias (e.g. 新质生产力, 人工智能+, party_building, 党的建设).")
  private String term;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description = "Only documents of this region or inside it (GB/T 2260 code, e.g. 371500).")
  private String region;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Only documents published on or after this date (2024-03-19).")
  private String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Only documents published on or before this date.")
  private String to;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Most passages printed, earliest first (1..100000). Default: ${DEFAULT-VALUE}")
  private int limit = 20;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (the default), csv or json (one object per line).")
  private String format = "text";

  @Mixin private Verbosity logging = new Verbosity();

  /**
   * The options of the command line {@code args}, as {@code tifa passages} reads them; validated.
   */
  public static PassagesOptions parse(String... args) {
    return Arguments.parse(new PassagesOptions(), args).validate();
  }

  /** The snapshot to read: its directory, its root (LATEST is read) or a LATEST file. */
  public String snapshot() {
    return snapshot;
  }

  /** A term's id, display form or alias. */
  public String term() {
    return term;
  }

  /** A GB/T 2260 code: documents of that region or inside it; or null. */
  public String region() {
    return region;
  }

  /** First publication date, inclusive; or null. */
  public LocalDate from() {
    return date("--from", from);
  }

  /** Last publication date, inclusive; or null. */
  public LocalDate to() {
    return date("--to", to);
  }

  /** Most passages printed. */
  public int limit() {
    return limit;
  }

  /** Text, CSV or JSON Lines. */
  public Format format() {
    return Format.of(format);
  }

  /** Spark and Tifa log at INFO/DEBUG instead of WARN/INFO. */
  public boolean verbose() {
    return logging.verbose;
  }

  /** How passages are printed. */
  public enum Format {
    TEXT,
    CSV,
    JSON;

    /** The format a person typed (text, csv, json; any letter case). */
    public static Format of(String given) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(given)) {
          return f;
        }
      }
      throw new ConfigException(
          "--format " + ConfigException.quote(given) + " is not one of text, csv, json");
    }
  }

  /** A date as a person typed it, 2024-03-19; {@code option} names it in the message. */
  private static LocalDate date(String option, String given) {
    if (given == null) {
      return null;
    }
    try {
      return LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          option + " " + ConfigException.quote(given) + " is not a date like 2024-03-19");
    }
  }

  /** Throws {@link ConfigException} with a one-line message on the first problem found. */
  public PassagesOptions validate() {
    if (snapshot == null || snapshot.isBlank()) {
      throw new ConfigException(
          "--snapshot must name a snapshot directory, a snapshot root or its LATEST file");
    }
    if (term == null || term.isBlank()) {
      throw new ConfigException("--term must name a term: its id, display form or an alias");
    }
    if (region != null && !CODE.matcher(region).matches()) {
      throw new ConfigException(
          "--region "
              + ConfigException.quote(region)
              + " is not a GB/T 2260 code (six digits, e.g. 371500)");
    }
    format();
    LocalDate first = from();
    LocalDate last = to();
    if (first != null && last != null && first.isAfter(last)) {
      throw new ConfigException("--from " + first + " is after --to " + last);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ConfigException("--limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return this;
  }
}
