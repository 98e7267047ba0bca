package org.tifa.normalize;

import java.text.Normalizer;

/**
 * Character-level cleanup in one pass: compatibility forms, invisible characters, whitespace and
 * line structure.
 *
 * <p>Compatibility mapping is NFKC restricted to the blocks that scrapes and OCR fill with
 * look-alikes: full-width and half-width forms, CJK compatibility ideographs, Kangxi radicals,
 * vertical and small punctuation forms, Latin ligatures and mathematical letters. Full NFKC is not
 * applied because it also rewrites characters that carry meaning in Chinese text: the full-width
 * ！（），：；？ stay full-width (the quote and clause scanners treat them as Chinese punctuation; their
 * ASCII twins are left ASCII, so downstream code accepts both), and ① Ⅱ ℃ ㎡ … are kept rather than
 * flattened to 1, II, °C, m2, "...". “”‘’「」『』《》、。— are not compatibility characters and pass
 * unchanged. Combining marks are composed with the character before them (NFC), so decomposed tone
 * marks become ǜ é.
 *
 * <p>Removed: format characters (zero-width space and joiners, word joiner, BOM, soft hyphen,
 * direction marks) and control characters; a zero-width joiner between two emoji is kept because it
 * is part of the emoji. Tab and every Unicode space (U+3000, U+00A0 …) become one ASCII space, runs
 * collapse, lines are trimmed. Line breaks (\r\n, \r, U+2028, U+2029, U+0085, VT, FF) become \n
 * with empty lines dropped, or a space when lines are not kept.
 */
public final class UnicodeCleanup {
  private UnicodeCleanup() {}

  public static String clean(String s, boolean keepLines) {
    return clean(s, keepLines, true);
  }

  /**
   * {@link #clean(String, boolean)}, with or without the fast path for runs of {@link #plain}
   * characters; the result is the same either way ({@code UnicodeCleanupTest} checks it).
   */
  static String clean(String s, boolean keepLines, boolean runs) {
    int len = s.length();
    StringBuilder out = new StringBuilder(len);
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      if (runs && plain(c)) {
        int end = i + 1;
        while (end < len && plain(s.charAt(end))) {
          end++;
        }
        if (pendingBreak || pendingSpace) {
          out.append(pendingBreak ? '\n' : ' ');
          pendingBreak = false;
          pendingSpace = false;
        }
        out.append(s, i, end);
        i = end;
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isLineBreak(cp)) {
        if (keepLines) {
          pendingBreak = out.length() > 0;
          pendingSpace = false;
        } else {
          pendingSpace = out.length() > 0;
        }
        continue;
      }
      if (isSpace(cp)) {
        pendingSpace = out.length() > 0 && !pendingBreak;
        continue;
      }
      if (cp == 0x200D ? !joinsEmoji(out, s, i) : isInvisible(cp)) {
        continue;
      }
      if (isCombiningMark(cp) && !pendingSpace && !pendingBreak && out.length() > 0) {
        composeWithPrevious(out, cp);
        continue;
      }
      String mapped = compatibilityMapping(cp);
      if (pendingBreak || pendingSpace) {
        out.append(pendingBreak ? '\n' : ' ');
        pendingBreak = false;
        pendingSpace = false;
      }
      if (mapped != null) {
        appendMapped(out, mapped);
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.length() == len && s.contentEquals(out) ? s : out.toString();
  }

  /**
   * Characters that pass unchanged whatever surrounds them — printable ASCII, the CJK Unified
   * Ideographs, CJK and general punctuation (、。〈〉《》「」【】〜, ‐–—‘’“”…) and the full-width punctuation
   * kept as it is — so most of a Chinese text is copied in runs. A combining mark after one of them
   * still composes with it: marks are not plain.
   */
  static boolean plain(char c) {
    return (c > 0x20 && c < 0x7F)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3001 && c <= 0x3029)
        || (c >= 0x2010 && c <= 0x2027)
        || (c >= 0xFF01 && c <= 0xFF5E && isKeptFullWidth(c));
  }

  /** Appends a compatibility mapping, composing any combining mark it brings. */
  private static void appendMapped(StringBuilder out, String mapped) {
    for (int k = 0; k < mapped.length(); ) {
      int m = mapped.codePointAt(k);
      k += Character.charCount(m);
      if (isCombiningMark(m) && out.length() > 0) {
        composeWithPrevious(out, m);
      } else {
        out.appendCodePoint(m);
      }
    }
  }

  private static boolean isLineBreak(int cp) {
    return cp == '\n'
        || cp == '\r'
        || cp == 0x0B
        || cp == 0x0C
        || cp == 0x85
        || cp == 0x2028
        || cp == 0x2029;
  }

  private static boolean isSpace(int cp) {
    return cp == ' '
        || cp == '\t'
        || cp == 0xA0
        || cp == 0x3000
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x202F
        || cp == 0x205F;
  }

  /** Control and format characters; emoji tag characters (flag sequences) are kept. */
  private static boolean isInvisible(int cp) {
    if (cp >= 0xE0020 && cp <= 0xE007F) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** Marks that compose; variation selectors are marks too but only select a glyph. */
  private static boolean isCombiningMark(int cp) {
    if (cp < 0x0300 || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void composeWithPrevious(StringBuilder out, int mark) {
    int start = out.length() - Character.charCount(Character.codePointBefore(out, out.length()));
    String seq =
        new StringBuilder(out.length() - start + 2)
            .append(out, start, out.length())
            .appendCodePoint(mark)
            .toString();
    out.setLength(start);
    out.append(Normalizer.normalize(seq, Normalizer.Form.NFC));
  }

  private static boolean joinsEmoji(StringBuilder out, String s, int next) {
    return out.length() > 0
        && next < s.length()
        && isEmojiPart(Character.codePointBefore(out, out.length()))
        && isEmojiPart(s.codePointAt(next));
  }

  private static boolean isEmojiPart(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || cp == 0xFE0F
        || cp == 0x20E3;
  }

  /** The NFKC replacement for characters in the mapped blocks, or null to keep {@code cp}. */
  static String compatibilityMapping(int cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      if (isKeptFullWidth(cp)) {
        return null;
      }
      return String.valueOf((char) (cp - 0xFEE0));
    }
    boolean mapped =
        (cp >= 0xFF5F && cp <= 0xFFEF)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0x2E80 && cp <= 0x2FDF)
            || (cp >= 0xFB00 && cp <= 0xFB4F)
            || (cp >= 0xFE10 && cp <= 0xFE19)
            || (cp >= 0xFE30 && cp <= 0xFE6F)
            || (cp >= 0x1D400 && cp <= 0x1D7FF)
            || (cp >= 0x2F800 && cp <= 0x2FA1F);
    if (!mapped) {
      return null;
    }
    String own = new String(Character.toChars(cp));
    String nfkc = Normalizer.normalize(own, Normalizer.Form.NFKC);
    return nfkc.equals(own) ? null : nfkc;
  }

  private static boolean isKeptFullWidth(int cp) {
    switch (cp) {
      case '！':
      case '（':
      case '）':
      case '，':
      case '：':
      case '；':
      case '？':
        return true;
      default:
        return false;
    }
  }
}
