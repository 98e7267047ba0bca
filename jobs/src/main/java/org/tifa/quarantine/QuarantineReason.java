package org.tifa.quarantine;

import java.util.Locale;

/**
 * Why a record was set aside. The {@link #code()} is what the quarantine table and the manifest
 * carry; {@code bad_type} is written with the offending field appended ({@code bad_type:title}).
 */
public enum QuarantineReason {
  /** The line (or array element) is not valid JSON, or a JSON array file breaks off part-way. */
  MALFORMED_JSON,
  /** Valid JSON, but not an object (an array, a string, a number on a line of its own). */
  NOT_OBJECT,
  /** The bytes are not valid UTF-8; the raw text shows the undecodable bytes as U+FFFD. */
  INVALID_UTF8,
  /** The record, or its body, is larger than the configured limit. */
  TOO_LARGE,
  /** Nesting deeper than the JSON parser's limit: almost always hostile or generated junk. */
  TOO_DEEP,
  /** No {@code body} field, or a JSON null. */
  MISSING_BODY,
  /** A body with no visible character. */
  EMPTY_BODY,
  /** A field of the input contract holds the wrong JSON type (detail names the type seen). */
  BAD_TYPE,
  /** No {@code published_at} field, or a JSON null. */
  MISSING_DATE,
  /** A {@code published_at} that no supported date form matches, or an impossible date. */
  BAD_DATE,
  /**
   * The input file could not be opened or read to the end: truncated gzip or bzip2, a compressed
   * file that is not in the format its extension names, no read permission, a broken symbolic link,
   * an I/O error. The row's line is where reading stopped; the detail says why.
   */
  UNREADABLE_FILE,
  /**
   * A FIFO, device, socket or other non-regular file among the inputs: it is not opened, since
   * reading it could block the job forever. One row per such file; the detail names its kind.
   */
  NOT_REGULAR_FILE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The code with a field qualifier, e.g. {@code bad_type:title}. */
  public String code(String field) {
    return field == null ? code() : code() + ":" + field;
  }
}
