package org.tifa.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

/**
 * Pass two's dictionaries: every slogan (the lexicon's terms and aliases, and the slogans
 * discovered in quotes) and every topic keyword, as two groups of one matcher. Built once on the
 * driver and broadcast. A discovered slogan whose key is a lexicon form counts as that lexicon
 * entry.
 */
public final class TermDictionary implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SLOGAN = "slogan";
  public static final String TOPIC = "topic";

  /** One slogan found in quotes: its key, display form, surface forms and quoting documents. */
  public record Discovered(String key, String term, String[] surfaces, long documents) implements Serializable {}

  /** A row of the terms dimension. */
  public record Term(String kind, String id, String term, String category, String[] aliases) implements Serializable {}

  /** Slogans (group {@link #SLOGANS}) and topic keywords ({@link #TOPICS}), over one trie. */
  private final TermMatcher matcher;
  private final List<Term> terms;

  private static final int SLOGANS = 0;
  private static final int TOPICS = 1;

  private TermDictionary(TermMatcher matcher, List<Term> terms) {
    this.matcher = matcher;
    this.terms = terms;
  }

  /**
   * The dictionaries; a match of a term of at most {@code wordBoundaryMaxChars} chars must agree
   * with the text's word boundaries ({@link TermMatcher#of(List, int)}).
   */
  public static TermDictionary build(
      SloganLexicon lexicon, Taxonomy taxonomy, List<Discovered> discovered, long minDocuments, int wordBoundaryMaxChars) {
    Map<String, String> surfaceToId = new HashMap<>();
    Map<String, Term> byId = new LinkedHashMap<>();
    for (SloganLexicon.Entry e : lexicon.entries()) {
      surfaceToId.put(e.term(), e.key());
      for (String alias : e.aliases()) {
        surfaceToId.put(alias, e.key());
      }
      byId.put(e.key(), new Term(SLOGAN, e.key(), e.term(), e.category(), e.aliases()));
    }
    for (Discovered d : discovered) {
      if (d.documents() < minDocuments || lexicon.keyOf(d.key()) != null) {
        continue;
      }
      surfaceToId.put(d.key(), d.key());
      for (String surface : d.surfaces()) {
        if (!SloganRules.canonicalKey(surface).isEmpty()) {
          surfaceToId.put(surface, d.key());
        }
      }
      byId.put(d.key(), new Term(SLOGAN, d.key(), d.term(), null, new String[0]));
    }
    List<Term> all = new ArrayList<>(byId.values());
    for (Taxonomy.Topic t : taxonomy.topics()) {
      all.add(new Term(TOPIC, t.id(), t.labelZh(), t.category(), t.keywords()));
    }
    return new TermDictionary(TermMatcher.of(List.of(surfaceToId, taxonomy.keywords()), wordBoundaryMaxChars), List.copyOf(all));
  }

  /**
   * Occurrences per term id of one document (title and body matched separately), in order of
   * first appearance: slogans of the title, of the body, then topics of the title, of the body.
   */
  public Map<String, int[]> count(String title, String body) {
    TermHit[][] inTitle = hits(title);
    TermHit[][] inBody = hits(body);
    Map<String, int[]> out = new LinkedHashMap<>();
    tally(inTitle[SLOGANS], SLOGAN, out);
    tally(inBody[SLOGANS], SLOGAN, out);
    tally(inTitle[TOPICS], TOPIC, out);
    tally(inBody[TOPICS], TOPIC, out);
    return out;
  }

  private static final TermHit[][] NONE = {new TermHit[0], new TermHit[0]};

  private TermHit[][] hits(String text) {
    return text == null || text.isEmpty() ? NONE : matcher.findAllByGroup(text);
  }

  private static void tally(TermHit[] hits, String kind, Map<String, int[]> out) {
    for (TermHit hit : hits) {
      out.computeIfAbsent(kind + "\u0000" + hit.id(), k -> new int[1])[0]++;
    }
  }

  public List<Term> terms() {
    return terms;
  }

  /**
   * A term's 64-bit key (FNV-1a over the UTF-16LE bytes of kind, a NUL and id): hits carry it so
   * that counting groups terms as numbers, and the terms dimension is keyed the same way. For the
   * few thousand terms of a dictionary a collision is vanishingly unlikely (about one in 10^12).
   */
  public static long key(String kind, String id) {
    return fnv(fnv(fnv(0xcbf29ce484222325L, kind), "\u0000"), id);
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * 0x100000001b3L;
      h = (h ^ (c >>> 8)) * 0x100000001b3L;
    }
    return h;
  }
}
