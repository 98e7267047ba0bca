package org.tifa.normalize;

import com.hankcs.hanlp.HanLP;
import java.util.BitSet;

/**
 * Traditional → Simplified with HanLP's phrase-aware converter, applied only where a
 * Traditional-only character occurs.
 *
 * <p>Traditional-only characters are derived once per JVM by asking HanLP to convert every BMP
 * ideograph on its own and keeping those it changes (about 3,700; probing takes ~30 ms after
 * HanLP's ~250 ms dictionary load), minus {@link #VALID_SIMPLIFIED}. Text without any such
 * character is returned as is, without allocation. Otherwise each maximal run of Han characters
 * holding one is converted as a whole, so phrase rules see their context (乾坤 stays, 乾淨 becomes 干净),
 * while punctuation never reaches HanLP: it would turn 「」 into “”, which the quote scanner tells
 * apart.
 *
 * <p>Thread-safe: HanLP's converter is static and read-only after loading.
 */
public final class ScriptConverter {
  private ScriptConverter() {}

  /**
   * Characters HanLP simplifies on their own that standard simplified text still uses, so they must
   * not trigger a conversion: 乾 (乾坤, 乾隆, 乾县 in Shaanxi), 昇 (a name character: 昇腾), 濛 (place names:
   * 濛溪河). Inside a run converted for another character they follow HanLP.
   */
  static final String VALID_SIMPLIFIED = "乾昇濛";

  /** Conversion chains seen in HanLP's data are two steps long. */
  private static final int MAX_ROUNDS = 3;

  private static final class Tables {
    static final BitSet TRADITIONAL_ONLY = probe();

    private static BitSet probe() {
      BitSet set = new BitSet(0xA000);
      probeRange(set, 0x3400, 0x4DBF);
      probeRange(set, 0x4E00, 0x9FFF);
      VALID_SIMPLIFIED.chars().forEach(set::clear);
      return set;
    }

    private static void probeRange(BitSet set, int from, int to) {
      char[] one = new char[1];
      for (int c = from; c <= to; c++) {
        one[0] = (char) c;
        String s = new String(one);
        if (!HanLP.convertToSimplifiedChinese(s).equals(s)) {
          set.set(c);
        }
      }
    }
  }

  /** Loads HanLP and the table now rather than on the first record; returns the table size. */
  public static int warmUp() {
    return Tables.TRADITIONAL_ONLY.cardinality();
  }

  public static boolean isTraditionalOnly(char c) {
    return Tables.TRADITIONAL_ONLY.get(c);
  }

  public static String toSimplified(String s, Tally tally) {
    int next = nextTraditional(s, 0);
    if (next < 0) {
      return s;
    }
    int len = s.length();
    StringBuilder out = new StringBuilder(len + 8);
    int copied = 0;
    while (next >= 0) {
      int start = next;
      while (start > copied && Han.isHan(Character.codePointBefore(s, start))) {
        start -= Character.charCount(Character.codePointBefore(s, start));
      }
      int end = next;
      while (end < len && Han.isHan(s.codePointAt(end))) {
        end += Character.charCount(s.codePointAt(end));
      }
      out.append(s, copied, start);
      String run = s.substring(start, end);
      String simplified = simplifyRun(run);
      tally.traditionalConverted += changedChars(run, simplified);
      out.append(simplified);
      copied = end;
      next = nextTraditional(s, end);
    }
    return out.append(s, copied, len).toString();
  }

  /**
   * HanLP's mapping is not closed: 薴 becomes 苧, which it maps to 苎 on its own. Converting again
   * until no Traditional-only character is left makes the result a fixed point, so normalizing
   * twice equals normalizing once.
   */
  private static String simplifyRun(String run) {
    String simplified = HanLP.convertToSimplifiedChinese(run);
    for (int round = 1; round < MAX_ROUNDS && nextTraditional(simplified, 0) >= 0; round++) {
      simplified = HanLP.convertToSimplifiedChinese(simplified);
    }
    return simplified;
  }

  private static int nextTraditional(String s, int from) {
    BitSet table = Tables.TRADITIONAL_ONLY;
    for (int i = from, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x3400 && table.get(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Positions that differ; when the lengths differ, the longer length. */
  private static int changedChars(String before, String after) {
    if (before.length() != after.length()) {
      return Math.max(before.length(), after.length());
    }
    int n = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) != after.charAt(i)) {
        n++;
      }
    }
    return n;
  }
}
