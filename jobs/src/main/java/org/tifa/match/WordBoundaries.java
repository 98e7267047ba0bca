package org.tifa.match;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * Whether a short dictionary match agrees with the text's own words: a match is refused when it
 * straddles a word boundary, its first character belonging to the word before (进出口 in 促进出口) or its
 * last to the word after (农民工 in 农民工资, 种业 in 各种业余).
 *
 * <p>The words come from HanLP's Viterbi segmenter over a window of the text around the match (at
 * most {@link #WINDOW} characters on each side, stopping at sentence punctuation and line breaks).
 * A match is accepted when no word boundary falls inside it (the term is a word, or part of a
 * longer word: 房地产 in 房地产业, 中小学 in 中小学校), when both its ends are word boundaries (the term is a run
 * of words), or when a word of one character lies inside it: the segmenter strands single
 * characters of words it does not know (风/电光/伏 for 风电光伏), so such a split says nothing about the
 * term. That also keeps a known word beside a true one-character word (未来 in 还未来得及, segmented
 * 未/来得及): the price of not refusing the many unknown terms of the reports. A match that is the
 * whole content of a pair of quotation marks (“…”, 「…」, 『…』, ‘…’, "…") is always accepted: the
 * writer marked it as one unit.
 *
 * <p>Most matches (nine in ten short matches of the real reports) have no word of the segmenter's
 * core dictionary crossing either end, and then no segmentation can split them: those are accepted
 * after a dictionary look-up, without segmenting.
 *
 * <p>The segmenter is HanLP portable's {@link ViterbiSegment} because HanLP is already on the class
 * path for script conversion, its portable jar bundles the core dictionary and bigram model that
 * Viterbi needs (the CRF and perceptron segmenters need model files it lacks), and it segments a
 * short window in microseconds. Person-name recognition is off (it glues a surname character to the
 * next word), and so is HanLP's bundled custom dictionary (a large list of noisy entries that only
 * merges words after the fact). It is built once per thread, lazily, on the JVM that matches: never
 * serialized with a matcher.
 */
final class WordBoundaries {
  private WordBoundaries() {}

  /**
   * Characters of context segmented on each side of a match: more than the longest common words
   * (four-character idioms), so the words next to the match are segmented whole; the segmenter's
   * time grows with it.
   */
  static final int WINDOW = 6;

  private static final String SENTENCE_ENDS = "。！？；!?;\n\r\u2028\u2029";
  private static final String OPENING_QUOTES = "“「『‘\"";
  private static final String CLOSING_QUOTES = "”」』’\"";

  /**
   * Lazy holder: the segmenter's dictionaries load on the first short match, not with the matcher.
   */
  private static final class Segmenter {
    static final ThreadLocal<Segment> SEGMENT =
        ThreadLocal.withInitial(
            () ->
                new ViterbiSegment()
                    .enableNameRecognize(false)
                    .enableCustomDictionary(false)
                    .enableOffset(true));
  }

  /**
   * Whether the match from {@code start} to {@code end} of {@code text} may stand: it is quoted
   * whole, or it does not straddle a word boundary of the window around it.
   */
  static boolean accepts(String text, int start, int end) {
    if (quotedWhole(text, start, end)) {
      return true;
    }
    int from = start;
    while (from > 0 && start - from < WINDOW && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    int to = end;
    while (to < text.length() && to - end < WINDOW && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0) {
      to++;
    }
    char[] window = text.substring(from, to).toCharArray();
    return !crossedByAKnownWord(window, start - from, end - from)
        || segmentationAgrees(window, start - from, end - from);
  }

  /**
   * Whether the match from {@code start} to {@code end} agrees with the segmenter's words of {@code
   * window}.
   */
  static boolean segmentationAgrees(char[] window, int start, int end) {
    List<Term> words = Segmenter.SEGMENT.get().seg(window);
    int[] bounds = new int[words.size() + 1];
    for (int i = 0; i < words.size(); i++) {
      Term w = words.get(i);
      bounds[i + 1] = w.offset + w.length();
    }
    return agrees(bounds, start, end);
  }

  /**
   * Whether a word of the segmenter's core dictionary in {@code window} begins before {@code start}
   * and ends after it, or begins before {@code end} and ends after it. Without one, the segmenter
   * (whose words are dictionary words, single characters and runs of digits or Latin letters) puts
   * word boundaries at both ends of a match that neither begins nor ends in such a run, so the
   * match agrees without segmenting.
   */
  static boolean crossedByAKnownWord(char[] window, int start, int end) {
    DoubleArrayTrie<CoreDictionary.Attribute>.Searcher words =
        CoreDictionary.trie.getSearcher(window, 0);
    while (words.next()) {
      int wordEnd = words.begin + words.length;
      if (words.begin < start && wordEnd > start || words.begin < end && wordEnd > end) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rule on a window's word boundaries ({@code bounds}: 0, then each word's end offset, in
   * order) for a match from {@code start} to {@code end} of that window.
   */
  static boolean agrees(int[] bounds, int start, int end) {
    boolean startsAWord = false;
    boolean endsAWord = false;
    boolean splitInside = false;
    for (int i = 0; i < bounds.length; i++) {
      int b = bounds[i];
      startsAWord |= b == start;
      endsAWord |= b == end;
      if (b > start && b < end) {
        splitInside = true;
      }
      if (i > 0 && b - bounds[i - 1] == 1 && bounds[i - 1] >= start && b <= end) {
        return true;
      }
    }
    return !splitInside || (startsAWord && endsAWord);
  }

  /** Whether a pair of matching quotation marks encloses exactly the match. */
  static boolean quotedWhole(String text, int start, int end) {
    if (start == 0 || end >= text.length()) {
      return false;
    }
    int kind = OPENING_QUOTES.indexOf(text.charAt(start - 1));
    return kind >= 0 && CLOSING_QUOTES.charAt(kind) == text.charAt(end);
  }
}
