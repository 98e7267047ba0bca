package org.tifa.extract;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds dictionary terms in running text, leftmost-longest and without overlaps, over one
 * Aho-Corasick double-array trie.
 *
 * <p>Terms are stored under their {@link SloganRules#canonicalKey canonical key} and the text is
 * scanned in the same canonical form, with an offset map back to the original. That makes
 * spacing free: “乡村 振兴” matches 乡村振兴, and “攻坚突破年 政协见行动” matches whatever the
 * space became. List separators (、，, and middle dots) are different: they would let a numbered
 * heading “三、农业” read as 三农, so a separator may stand inside a match only where one of the
 * term's own surface forms has a separator or a space. Line breaks are never crossed. The text
 * must already be normalized (Simplified script, half-width Latin and digits): no case or script
 * folding happens here.
 *
 * <p>Among the matches that start leftmost the longest wins, so a longer known term beats a
 * shorter one it contains; scanning resumes after it.
 */
public final class TermMatcher implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AhoCorasickDoubleArrayTrie<Integer> trie;
  private final String[] ids;
  /** {@code breakable[k][p]}: a separator may stand before character {@code p} of key {@code k}. */
  private final boolean[][] breakable;

  private TermMatcher(AhoCorasickDoubleArrayTrie<Integer> trie, String[] ids, boolean[][] breakable) {
    this.trie = trie;
    this.ids = ids;
    this.breakable = breakable;
  }

  /**
   * Builds a matcher from surface forms to ids. Forms sharing a canonical key must share an id;
   * their separator positions are merged.
   *
   * @throws IllegalArgumentException if the dictionary is empty, a form has an empty key, or two
   *     ids claim one key
   */
  public static TermMatcher of(Map<String, String> surfaceToId) {
    if (surfaceToId.isEmpty()) {
      throw new IllegalArgumentException("empty dictionary");
    }
    Map<String, String> idByKey = new TreeMap<>();
    Map<String, boolean[]> breaksByKey = new HashMap<>();
    for (Map.Entry<String, String> e : surfaceToId.entrySet()) {
      String surface = e.getKey();
      String key = SloganRules.canonicalKey(surface);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("form '" + surface + "' has nothing to match");
      }
      String previous = idByKey.putIfAbsent(key, e.getValue());
      if (previous != null && !previous.equals(e.getValue())) {
        throw new IllegalArgumentException(
            "form '" + surface + "' is claimed by both '" + previous + "' and '" + e.getValue() + "'");
      }
      boolean[] breaks = breaksByKey.computeIfAbsent(key, k -> new boolean[k.length()]);
      markBreaks(surface, breaks);
    }
    Map<String, Integer> indexByKey = new TreeMap<>();
    String[] ids = new String[idByKey.size()];
    boolean[][] breakable = new boolean[idByKey.size()][];
    for (Map.Entry<String, String> e : idByKey.entrySet()) {
      int index = indexByKey.size();
      indexByKey.put(e.getKey(), index);
      ids[index] = e.getValue();
      breakable[index] = breaksByKey.get(e.getKey());
    }
    AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(indexByKey);
    return new TermMatcher(trie, ids, breakable);
  }

  private static void markBreaks(String surface, boolean[] breaks) {
    int keyChars = 0;
    boolean gap = false;
    for (int i = 0; i < surface.length(); i++) {
      if (SloganRules.isDroppedFromKey(surface.charAt(i))) {
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

  /** Number of distinct canonical keys. */
  public int size() {
    return ids.length;
  }

  /** The leftmost-longest, non-overlapping matches in {@code text}, in text order. */
  public TermHit[] findAll(String text) {
    int n = text.length();
    char[] canon = new char[n];
    int[] origin = new int[n];
    boolean[] separatorBefore = new boolean[n];
    int m = 0;
    boolean pendingSeparator = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
      if (!lineBreak && SloganRules.isDroppedFromKey(c)) {
        pendingSeparator |= !SloganRules.isSpace(c);
        continue;
      }
      canon[m] = c;
      origin[m] = i;
      separatorBefore[m] = pendingSeparator;
      pendingSeparator = false;
      m++;
    }
    char[] scanned = Arrays.copyOf(canon, m);

    List<int[]> candidates = new ArrayList<>();
    trie.parseText(
        scanned,
        (int begin, int end, Integer index, int ignored) -> {
          if (separatorsAllowed(begin, end, index, separatorBefore)) {
            candidates.add(new int[] {begin, end, index});
          }
        });
    candidates.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> c[0] - c[1]));

    List<TermHit> hits = new ArrayList<>();
    int covered = 0;
    for (int[] c : candidates) {
      if (c[0] >= covered) {
        int start = origin[c[0]];
        int end = origin[c[1] - 1] + 1;
        hits.add(new TermHit(start, end, ids[c[2]], text.substring(start, end)));
        covered = c[1];
      }
    }
    return hits.toArray(new TermHit[0]);
  }

  private boolean separatorsAllowed(int begin, int end, int index, boolean[] separatorBefore) {
    for (int p = begin + 1; p < end; p++) {
      if (separatorBefore[p] && !breakable[index][p - begin]) {
        return false;
      }
    }
    return true;
  }
}
