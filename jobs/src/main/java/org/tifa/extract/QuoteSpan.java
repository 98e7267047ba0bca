package org.tifa.extract;

import java.io.Serializable;

/**
 * A span of text between a pair of quotation marks.
 *
 * @param start offset of the first character inside the marks
 * @param end offset just past the last character inside the marks (the closing mark's offset)
 * @param text the characters inside the marks, {@code text.substring(start, end)}
 * @param depth how many other returned spans enclose this one; 0 for an outermost quotation
 * @param kind which pair of marks enclosed it
 */
public record QuoteSpan(int start, int end, String text, int depth, Kind kind)
    implements Serializable {

  /** The pairs of quotation marks the scanner recognises. */
  public enum Kind {
    /** “…” */
    DOUBLE,
    /** ‘…’ */
    SINGLE,
    /** 「…」 */
    CORNER,
    /** 『…』 */
    WHITE_CORNER,
    /** "…" balanced within one line */
    STRAIGHT_DOUBLE,
    /** '…' balanced within one line, apostrophes excluded */
    STRAIGHT_SINGLE
  }
}
