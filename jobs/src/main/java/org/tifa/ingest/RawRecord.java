package org.tifa.ingest;

/**
 * One record as found in an input file: its text, or the reason it could not even be read as text.
 * {@code line} is 1-based: the line of a JSON-lines record, or the line where a JSON array element
 * starts. {@code textTruncated} says the reader kept only the text's first bytes (a too_large
 * record).
 */
public record RawRecord(
    String file, long line, String text, String reason, String detail, boolean textTruncated) {
  public RawRecord(String file, long line, String text, String reason, String detail) {
    this(file, line, text, reason, detail, false);
  }

  public boolean readable() {
    return reason == null;
  }
}
