package org.tifa.match;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds dictionary terms in running text, leftmost-longest and without overlaps, over one
 * Aho-Corasick double-array trie.
 *
 * <p>Terms are stored under their {@link Keys#canonical canonical key} and the text is scanned in
 * the same canonical form, with an offset map back to the original. That makes spacing and
 * quotation marks free: “乡村 振兴” matches 乡村振兴, “攻坚突破年 政协见行动” matches whatever the space became, and
 * 高效办成“一件事” matches 高效办成一件事 (a writer quotes part of a formulation to stress it). List separators
 * (、，, and middle dots) are different: they would let a numbered heading “三、农业” read as 三农, so a
 * separator may stand inside a match only where one of the term's own surface forms has a separator
 * or a space. Line breaks are never crossed. The text must already be normalized (Simplified
 * script, half-width Latin and digits): no case or script folding happens here.
 *
 * <p>No match cuts a number: a term that begins with a digit or a Chinese numeral does not match
 * right after another of the same kind, nor one that ends with one right before another, so 十五 is
 * not found in 二十五, 九五 not in 一九九五, and 123 not in 41234 (separators and spaces in the text between
 * them count as a boundary).
 *
 * <p>A matcher built with a word-boundary limit refuses a match of a term of at most that many
 * characters that straddles a word boundary of the text ({@link WordBoundaries}): 种业 is not found
 * in 各种业余, nor 进出口 in 促进出口, unless the match is quoted whole.
 *
 * <p>Among the matches that start leftmost the longest wins, so a longer known term beats a shorter
 * one it contains; scanning resumes after it. A group may name ids that are reported inside its
 * kept matches too ("nested"), once per occurrence (稳中求进 inside 稳中求进工作总基调, 人工智能+ inside 人工智能+制造),
 * except inside a match of their own id (an alias inside its own term); matches that only overlap a
 * kept one are not reported.
 *
 * <p>One matcher may hold several dictionaries ("groups", such as slogans and topic keywords), each
 * matched on its own terms — a slogan and a keyword may overlap — but over one trie, so a text is
 * canonicalized and scanned once for all of them. Working arrays live per thread.
 */
public final class TermMatcher implements Serializable {

  private static final long serialVersionUID = 3L;

  /** Working arrays above this many characters are not kept for the next text. */
  private static final int KEPT_SCRATCH = 1 << 20;

  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  /** Canonical key → key number, over the keys of every group. */
  private final AhoCorasickDoubleArrayTrie<Integer> trie;

  /** Length of each key, in chars. */
  private final int[] keyLength;

  /** {@code ids[g][k]}: the id group {@code g} gives key {@code k}, or null where it lacks it. */
  private final String[][] ids;

  /**
   * {@code breakable[g][k][p]}: in group {@code g} a separator may stand before char {@code p} of
   * key {@code k}.
   */
  private final boolean[][][] breakable;

  /** Keys of at most this many chars must agree with the text's word boundaries; 0: none. */
  private final int wordBoundaryMaxChars;

  /**
   * {@code nested[g][k]}: group {@code g} reports key {@code k} inside its kept matches too; null:
   * none.
   */
  private final boolean[][] nested;

  private TermMatcher(
      AhoCorasickDoubleArrayTrie<Integer> trie,
      int[] keyLength,
      String[][] ids,
      boolean[][][] breakable,
      int wordBoundaryMaxChars,
      boolean[][] nested) {
    this.trie = trie;
    this.keyLength = keyLength;
    this.ids = ids;
    this.breakable = breakable;
    this.wordBoundaryMaxChars = wordBoundaryMaxChars;
    this.nested = nested;
  }

  /**
   * Builds a matcher from surface forms to ids. Forms sharing a canonical key must share an id;
   * their separator positions are merged.
   *
   * @throws IllegalArgumentException if the dictionary is empty, a form has an empty key, or two
   *     ids claim one key
   */
  public static TermMatcher of(Map<String, String> surfaceToId) {
    return of(List.of(surfaceToId));
  }

  /**
   * Builds a matcher of several dictionaries, matched independently ({@link #findAllByGroup}); each
   * must satisfy {@link #of(Map)}'s conditions on its own. Two groups may hold the same key.
   */
  public static TermMatcher of(List<Map<String, String>> groups) {
    return of(groups, 0);
  }

  /**
   * As {@link #of(List)}, and a match of a key of at most {@code wordBoundaryMaxChars} chars is
   * kept only where it agrees with the text's word boundaries ({@link WordBoundaries}); 0 checks
   * none.
   */
  public static TermMatcher of(List<Map<String, String>> groups, int wordBoundaryMaxChars) {
    return of(groups, wordBoundaryMaxChars, Map.of());
  }

  /**
   * As {@link #of(List, int)}, and group {@code g} also reports the ids {@code nestedIds.get(g)}
   * inside its kept matches.
   */
  public static TermMatcher of(
      List<Map<String, String>> groups,
      int wordBoundaryMaxChars,
      Map<Integer, Set<String>> nestedIds) {
    if (wordBoundaryMaxChars < 0) {
      throw new IllegalArgumentException("negative word boundary limit " + wordBoundaryMaxChars);
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("no dictionaries");
    }
    List<Map<String, String>> idByKey = new ArrayList<>();
    List<Map<String, boolean[]>> breaksByKey = new ArrayList<>();
    TreeSet<String> allKeys = new TreeSet<>();
    for (Map<String, String> surfaceToId : groups) {
      if (surfaceToId.isEmpty()) {
        throw new IllegalArgumentException("empty dictionary");
      }
      Map<String, String> ids = new HashMap<>();
      Map<String, boolean[]> breaks = new HashMap<>();
      for (Map.Entry<String, String> e : surfaceToId.entrySet()) {
        String surface = e.getKey();
        String key = Keys.canonical(surface);
        if (key.isEmpty()) {
          throw new IllegalArgumentException("form '" + surface + "' has nothing to match");
        }
        String previous = ids.putIfAbsent(key, e.getValue());
        if (previous != null && !previous.equals(e.getValue())) {
          throw new IllegalArgumentException(
              "form '"
                  + surface
                  + "' is claimed by both '"
                  + previous
                  + "' and '"
                  + e.getValue()
                  + "'");
        }
        markBreaks(surface, breaks.computeIfAbsent(key, k -> new boolean[k.length()]));
        allKeys.add(key);
      }
      idByKey.add(ids);
      breaksByKey.add(breaks);
    }
    int keys = allKeys.size();
    int[] keyLength = new int[keys];
    String[][] ids = new String[groups.size()][keys];
    boolean[][][] breakable = new boolean[groups.size()][keys][];
    Map<String, Integer> indexByKey = new TreeMap<>();
    for (String key : allKeys) {
      int index = indexByKey.size();
      indexByKey.put(key, index);
      keyLength[index] = key.length();
      for (int g = 0; g < groups.size(); g++) {
        ids[g][index] = idByKey.get(g).get(key);
        breakable[g][index] = breaksByKey.get(g).get(key);
      }
    }
    boolean[][] nested = new boolean[groups.size()][];
    for (Map.Entry<Integer, Set<String>> e : nestedIds.entrySet()) {
      int g = e.getKey();
      if (g < 0 || g >= nested.length) {
        throw new IllegalArgumentException("no group " + g + " to nest");
      }
      nested[g] = new boolean[keys];
      for (int k = 0; k < keys; k++) {
        nested[g][k] = ids[g][k] != null && e.getValue().contains(ids[g][k]);
      }
    }
    AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(indexByKey);
    return new TermMatcher(trie, keyLength, ids, breakable, wordBoundaryMaxChars, nested);
  }

  private static void markBreaks(String surface, boolean[] breaks) {
    int keyChars = 0;
    boolean gap = false;
    for (int i = 0; i < surface.length(); i++) {
      if (Keys.isDroppedFromKey(surface.charAt(i))) {
        gap = keyChars > 0;
      } else {
        if (gap) {
          breaks[keyChars] = true;
          gap = false;
        }
        keyChars++;
      }
    }
  }

  /** Number of distinct canonical keys, over all groups. */
  public int size() {
    return keyLength.length;
  }

  /** Number of dictionaries. */
  public int groups() {
    return ids.length;
  }

  /**
   * The leftmost-longest, non-overlapping matches in {@code text}, in text order.
   *
   * @throws IllegalStateException if the matcher holds more than one group
   */
  public TermHit[] findAll(String text) {
    if (ids.length != 1) {
      throw new IllegalStateException("a matcher of " + ids.length + " groups: use findAllByGroup");
    }
    return findAllByGroup(text)[0];
  }

  /**
   * For each group, its leftmost-longest, non-overlapping matches in {@code text}, and for a nested
   * group the matches inside them; in text order, a longer match before the ones inside it.
   */
  public TermHit[][] findAllByGroup(String text) {
    int groups = ids.length;
    TermHit[][] out = new TermHit[groups][];
    int n = text.length();
    Scratch s = scratch(n, groups);
    int m = canonicalize(text, s);
    int[][] best = s.best;
    boolean[] separatorBefore = s.separatorBefore;
    int[] origin = s.origin;
    s.view.length = m;
    try {
      trie.parseText(
          s.view,
          (int begin, int end, Integer key) -> {
            int start = origin[begin];
            int stop = origin[end - 1] + 1;
            if (cutsANumber(text, start, stop)) {
              return;
            }
            boolean wordChecked = end - begin > wordBoundaryMaxChars;
            for (int g = 0; g < groups; g++) {
              if (ids[g][key] != null
                  && separatorsAllowed(breakable[g][key], begin, end, separatorBefore)) {
                if (!wordChecked) {
                  if (!WordBoundaries.accepts(text, start, stop)) {
                    return;
                  }
                  wordChecked = true;
                }
                int current = best[g][begin];
                if (current < 0 || keyLength[current] < end - begin) {
                  best[g][begin] = key;
                }
                if (nested[g] != null && nested[g][key]) {
                  s.found(g, begin, key);
                }
              }
            }
          });
    } catch (RuntimeException | Error e) {
      SCRATCH.remove(); // its best arrays may not be reset
      throw e;
    }
    List<TermHit> hits = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int[] starting = best[g];
      int covered = 0;
      int next = 0; // the next found match of a nested group, in order of start
      long[] found = nested[g] != null ? s.sortedFound(g) : null;
      for (int p = 0; p < m; p++) {
        int key = starting[p];
        if (key >= 0) {
          starting[p] = -1;
          if (p >= covered) {
            covered = p + keyLength[key];
            hits.add(hit(text, s.origin, p, covered, ids[g][key]));
            if (found != null) {
              next = addInside(text, s.origin, g, p, key, found, next, hits);
            }
          }
        }
      }
      out[g] = hits.toArray(new TermHit[0]);
      hits.clear();
    }
    return out;
  }

  private static TermHit hit(String text, int[] origin, int from, int to, String id) {
    int start = origin[from];
    int end = origin[to - 1] + 1;
    return new TermHit(start, end, id, text.substring(start, end));
  }

  /**
   * Adds the found nested matches of group {@code g} that lie inside the kept match of {@code
   * outer} at canonical position {@code from}, other than itself and its id's own keys; {@code
   * found} holds (start, key) pairs by start, read from {@code next} on. Returns where the next
   * kept match reads from.
   */
  private int addInside(
      String text,
      int[] origin,
      int g,
      int from,
      int outer,
      long[] found,
      int next,
      List<TermHit> hits) {
    int to = from + keyLength[outer];
    while (next < found.length && Scratch.startOf(found[next]) < from) {
      next++;
    }
    for (int i = next; i < found.length && Scratch.startOf(found[i]) < to; i++) {
      int begin = Scratch.startOf(found[i]);
      int key = Scratch.keyOf(found[i]);
      String id = ids[g][key];
      if (key != outer && begin + keyLength[key] <= to && !id.equals(ids[g][outer])) {
        hits.add(hit(text, origin, begin, begin + keyLength[key], id));
      }
    }
    return next;
  }

  /**
   * Writes the canonical form of {@code text} into {@code s}: the chars kept, where each came from,
   * and whether a separator was dropped just before it; returns how many were kept.
   */
  private static int canonicalize(String text, Scratch s) {
    char[] canon = s.view.chars;
    int[] origin = s.origin;
    boolean[] separatorBefore = s.separatorBefore;
    int m = 0;
    boolean pendingSeparator = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
      if (!lineBreak && Keys.isDroppedFromKey(c)) {
        pendingSeparator |= Keys.isSeparator(c);
        continue;
      }
      canon[m] = c;
      origin[m] = i;
      separatorBefore[m] = pendingSeparator;
      pendingSeparator = false;
      m++;
    }
    return m;
  }

  /** Whether the text from {@code start} to {@code end} begins or ends inside a longer number. */
  public static boolean cutsANumber(String text, int start, int end) {
    int first = numeralKind(text.charAt(start));
    if (first != 0 && start > 0 && numeralKind(text.charAt(start - 1)) == first) {
      return true;
    }
    int last = numeralKind(text.charAt(end - 1));
    return last != 0 && end < text.length() && numeralKind(text.charAt(end)) == last;
  }

  /** 1 for an ASCII digit, 2 for a Chinese numeral, 0 for anything else. */
  private static int numeralKind(char c) {
    if (c >= '0' && c <= '9') {
      return 1;
    }
    return CHINESE_NUMERALS.indexOf(c) >= 0 ? 2 : 0;
  }

  private static final String CHINESE_NUMERALS = "〇零一二三四五六七八九十百千万亿两";

  private static boolean separatorsAllowed(
      boolean[] breakable, int begin, int end, boolean[] separatorBefore) {
    for (int p = begin + 1; p < end; p++) {
      if (separatorBefore[p] && !breakable[p - begin]) {
        return false;
      }
    }
    return true;
  }

  /**
   * This thread's working arrays, with room for {@code chars} characters and {@code groups} groups.
   */
  private static Scratch scratch(int chars, int groups) {
    Scratch s = SCRATCH.get();
    if (s == null || s.origin.length < chars || s.best.length < groups) {
      int room =
          s == null
              ? Math.max(chars, 1 << 12)
              : Math.max(chars, Math.min(2 * s.origin.length, KEPT_SCRATCH));
      s = new Scratch(room, Math.max(groups, s == null ? 0 : s.best.length));
      if (room <= KEPT_SCRATCH) {
        SCRATCH.set(s);
      }
    }
    return s;
  }

  /**
   * A thread's working arrays. {@code best[g][p]}: the longest key of group {@code g} allowed to
   * start at canonical position {@code p}, or -1; reset to -1 as the positions are read.
   */
  private static final class Scratch {
    final Chars view;
    final int[] origin;
    final boolean[] separatorBefore;
    final int[][] best;

    /** Per group, its accepted matches of nested keys as (start, key) pairs, and their number. */
    final long[][] found;

    final int[] foundCount;

    Scratch(int chars, int groups) {
      view = new Chars(new char[chars]);
      origin = new int[chars];
      separatorBefore = new boolean[chars];
      best = new int[groups][chars];
      for (int[] b : best) {
        Arrays.fill(b, -1);
      }
      found = new long[groups][16];
      foundCount = new int[groups];
    }

    void found(int g, int start, int key) {
      if (foundCount[g] == found[g].length) {
        found[g] = Arrays.copyOf(found[g], 2 * found[g].length);
      }
      found[g][foundCount[g]++] = (long) start << 32 | key;
    }

    /** Group {@code g}'s found matches by start, then key number; clears them for the next text. */
    long[] sortedFound(int g) {
      long[] sorted = Arrays.copyOf(found[g], foundCount[g]);
      foundCount[g] = 0;
      Arrays.sort(sorted);
      return sorted;
    }

    static int startOf(long found) {
      return (int) (found >>> 32);
    }

    static int keyOf(long found) {
      return (int) found;
    }
  }

  /** The first {@code length} chars of an array, as the trie reads text. */
  private static final class Chars implements CharSequence {
    final char[] chars;
    int length;

    Chars(char[] chars) {
      this.chars = chars;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
