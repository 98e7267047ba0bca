package org.tifa.normalize;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The inventory of Mandarin syllables, built from initials and the finals each initial combines
 * with, and a parser that decides whether a parenthesized string is a romanization.
 *
 * <p>Accepted: lowercase syllables with tone marks ({@code xié}), tone digits ({@code xie2}, {@code
 * lv4}) or no tone; {@code ü} written as {@code ü}, {@code v} or (after j q x y) {@code u};
 * syllables separated by spaces, apostrophes or hyphens. Concatenated syllables ({@code zhèngxié},
 * {@code zheng4xie2}) are accepted only when every syllable carries a tone: toneless letters must
 * form exactly one syllable per word, so English words that happen to split into syllables ({@code
 * sea} = se+a, {@code banana}) are not taken for pinyin. The toneless one-letter syllables a, e, o
 * are rejected because {@code (a)} {@code (e)} label list items far more often than they annotate 啊
 * or 呃.
 */
final class PinyinSyllables {
  private PinyinSyllables() {}

  private static final String EMPTY_INITIAL_FINALS = "a o e ai ei ao ou an en ang eng er";
  private static final String A_O_E_ROWS = "a e ai ei ao ou an en ang eng ong";
  private static final String U_ROWS = "u uo ui uan un";
  private static final String J_Q_X_FINALS = "i ia ie iao iu ian in iang ing iong u ue uan un";
  private static final String G_K_H_FINALS = A_O_E_ROWS + " u ua uo uai ui uan un uang";

  /** Standard table (with the rare-but-attested tei, nun, lo, kei, zhei, shei, rua, chua). */
  private static final Map<String, String> FINALS_BY_INITIAL =
      Map.ofEntries(
          Map.entry("b", "a o ai ei ao an en ang eng i ie iao ian in ing u"),
          Map.entry("p", "a o ai ei ao ou an en ang eng i ie iao ian in ing u"),
          Map.entry("m", "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u"),
          Map.entry("f", "a o ei ou an en ang eng u"),
          Map.entry("d", A_O_E_ROWS + " i ia ie iao iu ian ing " + U_ROWS),
          Map.entry("t", A_O_E_ROWS + " i ie iao ian ing " + U_ROWS),
          Map.entry("n", A_O_E_ROWS + " i ie iao iu ian in iang ing " + U_ROWS + " ü üe"),
          Map.entry("l", A_O_E_ROWS + " o i ia ie iao iu ian in iang ing " + U_ROWS + " ü üe"),
          Map.entry("g", G_K_H_FINALS),
          Map.entry("k", G_K_H_FINALS),
          Map.entry("h", G_K_H_FINALS),
          Map.entry("j", J_Q_X_FINALS),
          Map.entry("q", J_Q_X_FINALS),
          Map.entry("x", J_Q_X_FINALS),
          Map.entry("zh", G_K_H_FINALS + " i"),
          Map.entry("ch", G_K_H_FINALS + " i"),
          Map.entry("sh", G_K_H_FINALS + " i"),
          Map.entry("r", A_O_E_ROWS + " i ua " + U_ROWS),
          Map.entry("z", A_O_E_ROWS + " i " + U_ROWS),
          Map.entry("c", A_O_E_ROWS + " i " + U_ROWS),
          Map.entry("s", A_O_E_ROWS + " i " + U_ROWS),
          Map.entry("y", "a e ao ou an in ang ing ong i u ue uan un o"),
          Map.entry("w", "a o ai ei an en ang eng u"),
          Map.entry("", EMPTY_INITIAL_FINALS));

  private static final Set<String> SYLLABLES = buildInventory();

  /** Letters in the longest syllable (zhuang, chuang, shuang). */
  private static final int LONGEST = 6;

  private static Set<String> buildInventory() {
    Set<String> all = new HashSet<>();
    FINALS_BY_INITIAL.forEach(
        (initial, finals) -> {
          for (String fin : finals.split(" ")) {
            all.add(initial + fin);
          }
        });
    return Set.copyOf(all);
  }

  /** Whether {@code toneless} (lowercase, {@code ü} spelled ü) is a Mandarin syllable. */
  static boolean isSyllable(String toneless) {
    return SYLLABLES.contains(toneless);
  }

  /**
   * Number of syllables in {@code s[from, to)} if the whole range is a romanization, else 0.
   * Allocates only for ranges that pass the character check.
   */
  static int countSyllables(CharSequence s, int from, int to) {
    int total = 0;
    int wordStart = from;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : ' ';
      if (c == ' ' || c == '\'' || c == '-' || c == '’') {
        if (i > wordStart) {
          int n = countInWord(s, wordStart, i);
          if (n == 0) {
            return 0;
          }
          total += n;
        }
        wordStart = i + 1;
      } else if (baseLetter(c) == 0 && !(c >= '0' && c <= '5')) {
        return 0;
      }
    }
    return total;
  }

  /** One word: plain letters, tone-marked vowels and tone digits, no separators. */
  private static int countInWord(CharSequence s, int from, int to) {
    StringBuilder letters = new StringBuilder(to - from);
    boolean[] marked = new boolean[to - from];
    boolean[] digitAtBoundary = new boolean[to - from + 1];
    boolean anyTone = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int n = letters.length();
      if (c >= '0' && c <= '5') {
        if (n == 0 || digitAtBoundary[n]) {
          return 0;
        }
        digitAtBoundary[n] = true;
        anyTone = true;
      } else {
        char base = baseLetter(c);
        if (base != c && c != 'ü') {
          marked[n] = true;
          anyTone = true;
        }
        letters.append(base == 'v' ? 'ü' : base);
      }
    }
    if (!anyTone) {
      String word = letters.toString();
      return word.length() > 1 && isSyllable(word) ? 1 : 0;
    }
    return segmentToned(letters, marked, digitAtBoundary);
  }

  /**
   * Splits a toned word into syllables with at most one tone each, tone digits only at syllable
   * ends. Returns the syllable count, or 0 when no such split exists.
   */
  private static int segmentToned(CharSequence letters, boolean[] marked, boolean[] digitAt) {
    int n = letters.length();
    int[] count = new int[n + 1];
    Arrays.fill(count, -1);
    count[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int start = Math.max(0, end - LONGEST); start < end && count[end] < 0; start++) {
        if (count[start] >= 0
            && tonesIn(marked, digitAt, start, end) <= 1
            && isSyllable(letters.subSequence(start, end).toString())) {
          count[end] = count[start] + 1;
        }
      }
    }
    return Math.max(count[n], 0);
  }

  /**
   * Tones on letters [start, end): marks inside plus a digit at the end; 2 if a digit is inside.
   */
  private static int tonesIn(boolean[] marked, boolean[] digitAt, int start, int end) {
    int tones = digitAt[end] ? 1 : 0;
    for (int k = start; k < end; k++) {
      if (k > start && digitAt[k]) {
        return 2;
      }
      if (marked[k]) {
        tones++;
      }
    }
    return tones;
  }

  /** The plain lowercase letter under a pinyin letter, or 0 when {@code c} is not one. */
  static char baseLetter(char c) {
    if (c >= 'a' && c <= 'z') {
      return c;
    }
    switch (c) {
      case 'ā':
      case 'á':
      case 'ǎ':
      case 'à':
        return 'a';
      case 'ē':
      case 'é':
      case 'ě':
      case 'è':
      case 'ê':
        return 'e';
      case 'ī':
      case 'í':
      case 'ǐ':
      case 'ì':
        return 'i';
      case 'ō':
      case 'ó':
      case 'ǒ':
      case 'ò':
        return 'o';
      case 'ū':
      case 'ú':
      case 'ǔ':
      case 'ù':
        return 'u';
      case 'ü':
      case 'ǖ':
      case 'ǘ':
      case 'ǚ':
      case 'ǜ':
        return 'ü';
      default:
        return 0;
    }
  }
}
