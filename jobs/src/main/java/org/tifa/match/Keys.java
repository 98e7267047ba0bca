package org.tifa.match;

/**
 * Canonical keys: the form under which a slogan or keyword is stored and counted, and the character
 * classes that the key and the matcher ignore.
 */
public final class Keys {
  private Keys() {}

  /** Quotation marks, dropped from a key. */
  public static final String QUOTE_MARKS = "“”‘’「」『』\"'";

  /** List separators and middle dots, dropped from a key. */
  public static final String SEPARATORS = "、，,·・•‧･∙﹐﹑";

  /**
   * The form under which a slogan is counted: the text without whitespace, without the list
   * separators 、，, and middle dots (· ・ • ‧ ･ ∙), and without quotation marks, so that “攻坚突破年
   * 政协见行动” and ‘攻坚突破年、政协见行动’ share one key, and 专精特新“小巨人” has the key of 专精特新小巨人. Nothing else is
   * changed: the text is expected to be normalized already.
   */
  public static String canonical(String surface) {
    StringBuilder sb = new StringBuilder(surface.length());
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (!isDroppedFromKey(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Whether {@link #canonical} drops {@code c}: space-like (see {@link #isSpace}), a list separator
   * ({@link #isSeparator}) or a quotation mark.
   */
  public static boolean isDroppedFromKey(char c) {
    return CHAR_CLASS[c] != 0;
  }

  /** A list separator: 、，, and middle dots. */
  public static boolean isSeparator(char c) {
    return CHAR_CLASS[c] == SEPARATOR;
  }

  /** Whitespace of any kind, or an invisible format character such as a zero-width space. */
  public static boolean isSpace(char c) {
    return CHAR_CLASS[c] == SPACE;
  }

  private static final byte SPACE = 1;
  private static final byte SEPARATOR = 2;
  private static final byte QUOTE = 3;

  /**
   * {@link #isSpace} and {@link #isDroppedFromKey} for every char, worked out once: term matching
   * asks for each character of every text, and the Unicode property lookups cost more than the
   * matching itself.
   */
  private static final byte[] CHAR_CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT) {
        CHAR_CLASS[c] = SPACE;
      } else if (SEPARATORS.indexOf(c) >= 0) {
        CHAR_CLASS[c] = SEPARATOR;
      } else if (QUOTE_MARKS.indexOf(c) >= 0) {
        CHAR_CLASS[c] = QUOTE;
      }
    }
  }
}
