package org.tifa.normalize;

import java.util.HashSet;
import java.util.Set;

/** The true Jaccard similarity of two texts' shingle sets, computed the slow, obvious way. */
final class ShingleSets {
  private ShingleSets() {}

  static Set<String> of(String text, int k) {
    StringBuilder kept = new StringBuilder();
    text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
    String s = kept.toString();
    Set<String> out = new HashSet<>();
    if (s.codePointCount(0, s.length()) < k) {
      out.add(s);
      return out;
    }
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i + k <= cps.length; i++) {
      out.add(new String(cps, i, k));
    }
    return out;
  }

  static double jaccard(String a, String b, int k) {
    Set<String> x = of(a, k);
    Set<String> y = of(b, k);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }
}
