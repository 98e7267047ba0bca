package org.tifa.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Formulations nobody quotes: phrases that end in a formulation head (行动, 理念, 格局, 总基调 …) and recur
 * verbatim in the documents of several regions, such as 稳中求进工作总基调 or 新发展格局.
 *
 * <p>Per document ({@link #phrases}): within each clause (text between punctuation marks), every
 * occurrence of a head that ends the clause or stands before a follower (的, 和 …) closes candidate
 * phrases, one from each word start before it (words as HanLP's segmenter cuts the clause). A
 * phrase whose first word is an opener (a verb, adverb or preposition that introduces an object:
 * 坚持, 深入实施, 把 …) or a modifier (a function word, determiner, duration or form of ownership: 的, 我国,
 * 三年, 民营 …) is not a candidate: 坚持稳中求进工作总基调 yields 稳中求进工作总基调. Across the corpus ({@link #dropped}):
 * of the phrases found in enough documents of enough regions, a phrase and a longer one ending with
 * it are resolved to one of the two.
 *
 * <p>HanLP's segmenter (portable, already Tifa's converter library) decides word starts: a list of
 * openers alone found them inside words (服务 in 服务业 made 业扩能提质行动 a phrase). Only clauses holding a
 * head are segmented, a small part of the text.
 */
public final class PhraseMiner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Characters that end a clause: a phrase never spans one. */
  private static final String CLAUSE_ENDS = "，,。．.；;：:！!？?、（）()《》〈〉【】[]“”‘’「」『』\"'—…/|\n\r\t ";

  /** The {@code mining} section of conf/slogan-rules.yaml. */
  public record Rules(
      @JsonProperty("heads") Map<String, Integer> heads,
      @JsonProperty("openers") List<String> openers,
      @JsonProperty("modifiers") List<String> modifiers,
      @JsonProperty("followers") String followers,
      @JsonProperty("min_chars") Integer minChars,
      @JsonProperty("max_chars") Integer maxChars,
      @JsonProperty("min_documents") Integer minDocuments,
      @JsonProperty("min_regions") Integer minRegions,
      @JsonProperty("maximal_share") Double maximalShare,
      @JsonProperty("min_introduced_share") Double minIntroducedShare)
      implements Serializable {
    public Rules {
      if (heads == null || heads.isEmpty()) {
        throw new IllegalArgumentException(
            "slogan rules: mining.heads must list at least one head");
      }
      openers = List.copyOf(openers == null ? List.of() : openers);
      modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
      for (String m : modifiers) {
        if (openers.contains(m)) {
          throw new IllegalArgumentException(
              "slogan rules: mining.modifiers: "
                  + m
                  + " is also an opener; a word is one or the other");
        }
      }
      followers = followers == null ? "" : followers;
      heads = Map.copyOf(heads);
      heads.forEach((head, prefix) -> SloganEvidence.count("mining.heads." + head, prefix, 1, 64));
      SloganEvidence.count("mining.min_chars", minChars, 2, 64);
      SloganEvidence.count("mining.max_chars", maxChars, minChars, 64);
      SloganEvidence.count("mining.min_documents", minDocuments, 2, 1_000_000);
      SloganEvidence.count("mining.min_regions", minRegions, 1, 1_000_000);
      SloganEvidence.share("maximal_share", maximalShare);
      SloganEvidence.share("min_introduced_share", minIntroducedShare);
    }
  }

  private final Rules rules;

  /**
   * The heads' trie, the word lists and the segmenter, built on first use in each JVM (a broadcast
   * copy arrives without them).
   */
  private transient volatile Tools tools;

  /**
   * {@code starters}: openers and modifiers, the words no phrase starts with; {@code openers}: the
   * words that introduce one.
   */
  private record Tools(
      AhoCorasickDoubleArrayTrie<Integer> heads,
      int[] minPrefix,
      Set<String> starters,
      Set<String> openers,
      Segment segmenter) {}

  public PhraseMiner(Rules rules) {
    this.rules = rules;
  }

  public Rules rules() {
    return rules;
  }

  /**
   * Distinct candidate phrases of one text, in order of first occurrence, each with its occurrences
   * and how many of them are introduced: standing at the start of a clause or right after an opener
   * (实施|城市更新行动), not after other content words (公共文化服务|提质增效行动) or a modifier, nor at a clause start
   * right after a closing quote (“…”|提质增效行动, the tail of a quoted name).
   */
  public Map<String, int[]> phrases(String text) {
    Map<String, int[]> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Tools t = tools();
    List<int[]> headSpans = new ArrayList<>();
    t.heads()
        .parseText(
            text,
            (AhoCorasickDoubleArrayTrie.IHit<Integer>)
                (begin, end, value) -> headSpans.add(new int[] {begin, end, value}));
    int clauseStart = -1;
    int[] starts = null;
    boolean[] insideStarter = null;
    for (int[] head : headSpans) {
      int end = head[1];
      if (end < text.length()
          && !isClauseEnd(text.charAt(end))
          && rules.followers().indexOf(text.charAt(end)) < 0) {
        continue;
      }
      int cs = clauseStart(text, head[0]);
      if (cs != clauseStart) {
        clauseStart = cs;
        String clause = text.substring(cs, clauseEnd(text, end));
        starts = wordStarts(t, clause);
        insideStarter = insideStarters(t, starts, clause);
      }
      String upToHead = text.substring(cs, end);
      for (int i = 0; i < starts.length - 1; i++) {
        int s = cs + starts[i];
        int length = end - s;
        if (length > rules.maxChars() || head[0] - s < t.minPrefix()[head[2]]) {
          continue;
        }
        if (length < rules.minChars()) {
          break;
        }
        if (!insideStarter[i]
            && !opensWithStarter(t, starts, i, upToHead)
            && Arrays.binarySearch(starts, end - cs) >= 0) {
          int[] counts = out.computeIfAbsent(text.substring(s, end), k -> new int[2]);
          counts[0]++;
          if (i == 0 ? !afterClosingQuote(text, cs) : endsWithOpener(t, starts, i, upToHead)) {
            counts[1]++;
          }
        }
      }
    }
    return out;
  }

  private static boolean afterClosingQuote(String text, int clauseStart) {
    return clauseStart > 0 && CLOSING_QUOTES.indexOf(text.charAt(clauseStart - 1)) >= 0;
  }

  private static final String CLOSING_QUOTES = "”’」』";

  /**
   * Whether the words from {@code starts[i]} on begin with an opener or a modifier: one that is a
   * prefix of them and ends where a word ends (三年 in 三年行动 even when the segmenter cut 三|年; not 要 in
   * 要素).
   */
  private static boolean opensWithStarter(Tools t, int[] starts, int i, String clause) {
    int from = starts[i];
    for (int j = i + 1; j < starts.length && starts[j] - from <= MAX_STARTER; j++) {
      if (t.starters().contains(clause.substring(from, Math.min(starts[j], clause.length())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Which word starts lie inside an opener or modifier that the segmenter cut in two (好 of 打|好, 质量
   * of 高|质量): a phrase does not start there.
   */
  private static boolean[] insideStarters(Tools t, int[] starts, String clause) {
    boolean[] inside = new boolean[starts.length];
    for (int j = 0; j < starts.length - 1; j++) {
      for (int k = j + 2; k < starts.length && starts[k] - starts[j] <= MAX_STARTER; k++) {
        if (t.starters().contains(clause.substring(starts[j], starts[k]))) {
          for (int m = j + 1; m < k; m++) {
            inside[m] = true;
          }
        }
      }
    }
    return inside;
  }

  /** Whether the words right before {@code starts[i]} form an opener. */
  private static boolean endsWithOpener(Tools t, int[] starts, int i, String clause) {
    for (int j = i - 1; j >= 0 && starts[i] - starts[j] <= MAX_STARTER; j--) {
      if (t.openers().contains(clause.substring(starts[j], starts[i]))) {
        return true;
      }
    }
    return false;
  }

  /** Longest opener or modifier looked for, in characters. */
  private static final int MAX_STARTER = 8;

  /**
   * Offsets at which the segmenter starts a word in {@code clause}, and the clause's length last.
   */
  private static int[] wordStarts(Tools t, String clause) {
    List<com.hankcs.hanlp.seg.common.Term> words = t.segmenter().seg(clause);
    int[] starts = new int[words.size() + 1];
    int at = 0;
    for (int i = 0; i < words.size(); i++) {
      starts[i] = at;
      at += words.get(i).word.length();
    }
    starts[words.size()] = at;
    return starts;
  }

  private static int clauseStart(String text, int at) {
    int i = at;
    while (i > 0 && !isClauseEnd(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int clauseEnd(String text, int at) {
    int i = at;
    while (i < text.length() && !isClauseEnd(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isClauseEnd(char c) {
    return CLAUSE_ENDS.indexOf(c) >= 0 || Character.isWhitespace(c);
  }

  private Tools tools() {
    Tools t = tools;
    if (t == null) {
      Segment segmenter =
          HanLP.newSegment().enableCustomDictionary(false).enablePartOfSpeechTagging(false);
      List<String> heads = rules.heads().keySet().stream().sorted().toList();
      Set<String> starters = new HashSet<>(rules.openers());
      starters.addAll(rules.modifiers());
      t =
          new Tools(
              trie(heads),
              heads.stream().mapToInt(h -> rules.heads().get(h)).toArray(),
              starters,
              new HashSet<>(rules.openers()),
              segmenter);
      tools = t;
    }
    return t;
  }

  private static AhoCorasickDoubleArrayTrie<Integer> trie(List<String> words) {
    TreeMap<String, Integer> map = new TreeMap<>();
    for (String w : words) {
      map.put(w, map.size());
    }
    AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(map);
    return trie;
  }

  /**
   * Whether {@code phrase} is a word of HanLP's core dictionary, the general vocabulary its
   * segmenter is built on: a phrase listed there (国民经济, 集体经济) is ordinary language however often
   * reports repeat it; new formulations (低空经济, 新发展理念) are not listed.
   */
  public static boolean isDictionaryWord(String phrase) {
    return com.hankcs.hanlp.dictionary.CoreDictionary.contains(phrase);
  }

  /** One phrase's figures across the corpus. */
  public record Phrase(
      String phrase, long documents, long regions, long occurrences, long introduced)
      implements Serializable {
    /** A phrase with all its occurrences introduced. */
    public Phrase(String phrase, long documents, long regions, long occurrences) {
      this(phrase, documents, regions, occurrences, occurrences);
    }

    /** Share of its occurrences that are introduced (see {@link PhraseMiner#phrases}). */
    public double introducedShare() {
      return occurrences == 0 ? 0 : (double) introduced / occurrences;
    }
  }

  /**
   * Which frequent phrases are not kept, and why. Of a frequent phrase and a longer frequent one
   * ending with it, one is kept: the longer when it is found in at least {@code maximal_share} of
   * the shorter one's documents (产业体系 inside 现代化产业体系: {@link Drop#PART_OF_LONGER}), else the
   * shorter (要坚持以习近平新时代中国特色社会主义思想 beside the 46 documents of the formulation: {@link
   * Drop#EXTENDS_SHORTER}). Out: phrase → why it is dropped and for which phrase; phrases kept are
   * absent.
   */
  public Map<String, Dropped> dropped(List<Phrase> frequent) {
    Map<String, Phrase> byText = new HashMap<>();
    for (Phrase p : frequent) {
      byText.put(p.phrase(), p);
    }
    Map<String, Dropped> out = new TreeMap<>();
    for (Phrase q : frequent) {
      String text = q.phrase();
      for (int cut = 1; cut < text.length(); cut++) {
        Phrase p = byText.get(text.substring(cut));
        if (p == null) {
          continue;
        }
        if (q.documents() >= rules.maximalShare() * p.documents()) {
          out.merge(
              p.phrase(), new Dropped(Drop.PART_OF_LONGER, text, q.documents()), Dropped::larger);
        } else {
          out.merge(
              text, new Dropped(Drop.EXTENDS_SHORTER, p.phrase(), p.documents()), Dropped::larger);
        }
      }
    }
    return out;
  }

  /** Why a frequent phrase is dropped. */
  public enum Drop {
    PART_OF_LONGER,
    EXTENDS_SHORTER
  }

  /** A dropped phrase: why, and the phrase (with its documents) that is kept in its place. */
  public record Dropped(Drop why, String other, long otherDocuments) implements Serializable {
    static Dropped larger(Dropped a, Dropped b) {
      if (a.why != b.why) {
        return a.why == Drop.PART_OF_LONGER ? a : b;
      }
      int byDocs = Long.compare(a.otherDocuments, b.otherDocuments);
      return byDocs > 0 || byDocs == 0 && a.other.compareTo(b.other) <= 0 ? a : b;
    }
  }

  /** Whether a phrase's corpus figures reach the mining thresholds. */
  public boolean frequent(long documents, long regions) {
    return documents >= rules.minDocuments() && regions >= rules.minRegions();
  }
}
