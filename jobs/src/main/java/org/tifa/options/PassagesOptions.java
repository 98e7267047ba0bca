package org.tifa.options;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.tifa.error.ConfigException;

/**
 * Everything {@code tifa passages} needs, validated before Spark starts.
 *
 * @param snapshot the snapshot to read: its directory, its root (LATEST is read) or a LATEST file
 * @param term a term's id, display form or alias
 * @param region a GB/T 2260 code: documents of that region or inside it; or null
 * @param from first publication date, inclusive; or null
 * @param to last publication date, inclusive; or null
 * @param limit most passages printed
 * @param format text, csv or json (JSON Lines)
 * @param verbose Spark and Tifa log at INFO/DEBUG instead of WARN/INFO
 */
public record PassagesOptions(
    String snapshot,
    String term,
    String region,
    LocalDate from,
    LocalDate to,
    int limit,
    Format format,
    boolean verbose) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100_000;
  private static final Pattern CODE = Pattern.compile("\\d{6}");

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
  public static LocalDate date(String option, String given) {
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
    if (from != null && to != null && from.isAfter(to)) {
      throw new ConfigException("--from " + from + " is after --to " + to);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ConfigException("--limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return this;
  }
}
