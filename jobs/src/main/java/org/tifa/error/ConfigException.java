package org.tifa.error;

/**
 * A configuration or usage error a person can fix: reported in one line, exit code 2. A message
 * that repeats what the person gave (a value, a key, a path, an option) passes it through {@link
 * #quote} or {@link #clip}, so a huge or multi-line input still gives one short line.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Characters of a value that {@link #quote} shows before cutting it. */
  public static final int QUOTED_CHARS = 80;

  public ConfigException(String message) {
    super(message);
  }

  /**
   * {@code value} in single quotes, with line breaks and other control characters escaped; a longer
   * value than {@link #QUOTED_CHARS} characters is cut, ending in "…" and followed by its whole
   * length: {@code 'ZZZ…' (500000 characters)}.
   */
  public static String quote(Object value) {
    return cut(String.valueOf(value), QUOTED_CHARS, "'");
  }

  /**
   * {@code text} (a library's message, say) escaped like {@link #quote}, cut after {@code max}
   * characters, unquoted.
   */
  public static String clip(String text, int max) {
    return cut(String.valueOf(text), max, "");
  }

  private static String cut(String s, int max, String quote) {
    int length = s.codePointCount(0, s.length());
    if (length <= max) {
      return quote + escape(s) + quote;
    }
    return quote
        + escape(s.substring(0, s.offsetByCodePoints(0, max)))
        + "…"
        + quote
        + " ("
        + length
        + " characters)";
  }

  /**
   * Control characters (line breaks, tab, escape) and Unicode line separators as visible escapes.
   */
  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append("\\n");
              } else if (cp == '\r') {
                out.append("\\r");
              } else if (cp == '\t') {
                out.append("\\t");
              } else if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
