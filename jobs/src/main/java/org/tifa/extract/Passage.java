package org.tifa.extract;

/**
 * Where a mention stands in its document: the text its offsets refer to, the sentence around it,
 * and offsets as a reader of the output counts them.
 *
 * <p>A document's text is its normalized title, one line break and its normalized body; a missing
 * title is empty, so a body's offsets are shifted by one. The output's offsets count Unicode code
 * points (as DuckDB's {@code substring}, Python's {@code str} and Spark SQL's {@code substr} do),
 * which differ from Java's chars only after a character outside the Basic Multilingual Plane.
 */
public final class Passage {
  private Passage() {}

  /** What separates the title from the body in a document's text. */
  public static final String TITLE_BREAK = "\n";

  /** A document's text: title, {@link #TITLE_BREAK}, body; either may be null. */
  public static String text(String title, String body) {
    return (title == null ? "" : title) + TITLE_BREAK + (body == null ? "" : body);
  }

  /** Where the body begins in {@link #text}. */
  public static int bodyOffset(String title) {
    return (title == null ? 0 : title.length()) + TITLE_BREAK.length();
  }

  /**
   * The context of the match {@code [start, end)} of {@code text}: its sentence, cut at {@code
   * chars} characters on either side of the match. A sentence ends after 。！？!?； or ; and at a line
   * break; the terminator after the match is kept, the one before it is not. Returns {start, end}
   * of the context in {@code text}.
   */
  public static int[] context(String text, int start, int end, int chars) {
    int from = start;
    while (from > 0 && start - from < chars && !endsSentence(text.charAt(from - 1))) {
      from--;
    }
    int to = end;
    while (to < text.length() && to - end < chars) {
      char c = text.charAt(to);
      if (c == '\n' || c == '\r') {
        break;
      }
      to++;
      if (endsSentence(c)) {
        break;
      }
    }
    return new int[] {from, to};
  }

  private static boolean endsSentence(char c) {
    return switch (c) {
      case '。', '！', '？', '；', '!', '?', ';', '\n', '\r' -> true;
      default -> false;
    };
  }

  /**
   * Java char offsets of one text as code point offsets. Texts without a surrogate pair (nearly
   * all) map each offset to itself without counting.
   */
  public static final class CodePoints {
    private final String text;
    private final boolean identity;
    private int lastChar;
    private int lastPoint;

    public CodePoints(String text) {
      this.text = text;
      boolean surrogates = false;
      for (int i = 0; i < text.length() && !surrogates; i++) {
        surrogates = Character.isSurrogate(text.charAt(i));
      }
      this.identity = !surrogates;
    }

    /** The code point offset of char offset {@code at}; cheapest when asked in increasing order. */
    public int of(int at) {
      if (identity) {
        return at;
      }
      if (at < lastChar) {
        lastChar = 0;
        lastPoint = 0;
      }
      lastPoint += text.codePointCount(lastChar, at);
      lastChar = at;
      return lastPoint;
    }
  }
}
