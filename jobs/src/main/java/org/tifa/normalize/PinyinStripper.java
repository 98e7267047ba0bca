package org.tifa.normalize;

/**
 * Removes romanizations glued in parentheses right after Han characters: 政協(xié) → 政協, 绿（lǜ） → 绿,
 * 政协(zhèng xié) → 政协.
 *
 * <p>The rule: an opening parenthesis (ASCII or full-width) directly after a Han character, a
 * closing one within {@value #MAX_CONTENT} characters on the same line, and between them only a
 * romanization as {@link PinyinSyllables} defines it, with no more syllables than the Han
 * characters directly before it (an annotation reads the characters it follows). A single toneless
 * syllable such as (an) (pin) (dang) counts: glued after a Han character it is an annotation in
 * practice, while English words in brackets rarely are syllables. Space before the parenthesis,
 * capitals ((China), (CPPCC)), digits only ((2024)) and Han inside ((A股)) all keep the brackets.
 * Decisions look at the text already emitted, so 政(zhèng)(xié) loses both and a second pass finds
 * nothing more to remove.
 */
public final class PinyinStripper {
  private PinyinStripper() {}

  /** Longest bracket content considered; four toned syllables with separators fit. */
  static final int MAX_CONTENT = 32;

  public static String strip(String s, Tally tally) {
    if (s.indexOf('(') < 0 && s.indexOf('（') < 0) {
      return s;
    }
    StringBuilder out = null;
    int copied = 0;
    int len = s.length();
    for (int i = 1; i < len; i++) {
      char c = s.charAt(i);
      if (c != '(' && c != '（') {
        continue;
      }
      int close = closingBracket(s, i + 1);
      if (close < 0) {
        continue;
      }
      int syllables = PinyinSyllables.countSyllables(s, i + 1, close);
      if (syllables == 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(len);
      }
      out.append(s, copied, i);
      copied = i;
      if (hanRunAtEnd(out, syllables) >= syllables) {
        copied = close + 1;
        tally.pinyinRemoved++;
      }
      i = close;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, len).toString();
  }

  private static int closingBracket(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_CONTENT + 1);
    for (int j = from; j < limit; j++) {
      char c = s.charAt(j);
      if (c == ')' || c == '）') {
        return j;
      }
      if (c == '\n' || c == '(' || c == '（') {
        return -1;
      }
    }
    return -1;
  }

  /** Han code points at the end of {@code out}, counting no further than {@code enough}. */
  private static int hanRunAtEnd(StringBuilder out, int enough) {
    int n = 0;
    int i = out.length();
    while (i > 0 && n < enough) {
      int cp = Character.codePointBefore(out, i);
      if (!Han.isHan(cp)) {
        break;
      }
      n++;
      i -= Character.charCount(cp);
    }
    return n;
  }
}
