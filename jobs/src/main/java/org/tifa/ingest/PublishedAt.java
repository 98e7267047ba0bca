package org.tifa.ingest;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates that real reports carry: ISO-8601 dates and date-times (with or
 * without a zone), {@code 2024-03-19 07:49:03}, {@code 2024/3/19}, {@code 2024.3.19}, {@code
 * 2024年3月19日 07时49分}, and dates known only to the month or the year. A date without a zone is local
 * time in the configured zone (Asia/Shanghai by default).
 */
public final class PublishedAt implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How much of the date the source gave; a year-only record counts at year grain only. */
  public enum Precision {
    DAY,
    MONTH,
    YEAR;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param epochMicros the instant, in microseconds (Spark's timestamp unit)
   * @param localDate the calendar date as written (first day of the month or year when coarser)
   */
  public record Parsed(long epochMicros, LocalDate localDate, Precision precision) {}

  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2100;

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(\\d{1,2})\\s*[日号]?|月)?)?\\s*年?"
              + "(?:(?:\\s+|T|\\s*)(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})\\s*"
              + "(?:[:分]\\s*(\\d{1,2})(?:[.,](\\d{1,9}))?\\s*秒?|分)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private final ZoneId defaultZone;

  public PublishedAt(ZoneId defaultZone) {
    this.defaultZone = defaultZone;
  }

  /** Returns the parsed date, or null when the text is not a date this reader accepts. */
  public Parsed parse(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (year < MIN_YEAR || year > MAX_YEAR) {
        return null;
      }
      Precision precision =
          m.group(3) != null
              ? Precision.DAY
              : m.group(2) != null ? Precision.MONTH : Precision.YEAR;
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      LocalDate date = LocalDate.of(year, month, day);
      if (precision != Precision.DAY && m.group(4) != null) {
        return null;
      }
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos =
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      if (m.group(8) != null && m.group(4) == null) {
        return null;
      }
      LocalDateTime local = date.atTime(hour, minute, second, nanos);
      ZoneId zone = m.group(8) == null ? defaultZone : ZoneOffset.of(offsetId(m.group(8)));
      long seconds = local.atZone(zone).toEpochSecond();
      return new Parsed(
          Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000), date, precision);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static String offsetId(String offset) {
    if (offset.equals("Z") || offset.length() != 5) {
      return offset;
    }
    return offset.substring(0, 3) + ":" + offset.substring(3);
  }
}
