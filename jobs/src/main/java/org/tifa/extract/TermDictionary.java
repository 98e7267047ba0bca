package org.tifa.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tifa.match.Keys;
import org.tifa.match.TermHit;
import org.tifa.match.TermMatcher;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

/**
 * Pass two's dictionaries: every slogan (the lexicon's terms and aliases, and the slogans
 * discovered in quotes or mined that earned their place, {@link SloganVerdicts}) and every topic
 * keyword, as two groups of one matcher. Built once on the driver and broadcast.
 *
 * <p>Lexicon slogans and family stems are nested ({@link TermMatcher}): inside a longer slogan they
 * count too, so 稳中求进 is counted in 稳中求进工作总基调 and the question "which documents mention 稳中求进" gets
 * every one of them. A discovered or mined slogan counts only where it is the longest match: the
 * quotes that made it are no evidence that its words inside a longer formulation stand for it (一件事,
 * quoted for the 安全生产“一件事” campaign, inside 高效办成一件事). Topic keywords are not nested: a topic's
 * mentions are the leftmost-longest ones.
 *
 * <p>Families: a slogan whose key has a ‘+’ after at least two characters (人工智能+制造) belongs to the
 * family of its stem (人工智能+); since the stem is written inside every variant, nesting counts a
 * document's mentions of a variant once for the variant and once for the family. A family stem that
 * is not a slogan of its own is added as one, with origin {@value #FAMILY}, when it has two
 * variants or more (one variant, 保险+期货, is a formulation, not a family).
 */
public final class TermDictionary implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SLOGAN = "slogan";
  public static final String TOPIC = "topic";

  /**
   * One slogan that earned its place: key, display form, surface forms, documents quoting it,
   * origin ({@code discovered} or {@code mined}) and its quote share.
   */
  public record Discovered(
      String key, String term, String[] surfaces, long documents, String origin, Double quoteShare)
      implements Serializable {
    /** A slogan found in quotes with no further evidence (tests and tools). */
    public Discovered(String key, String term, String[] surfaces, long documents) {
      this(key, term, surfaces, documents, SloganEvidence.Origin.DISCOVERED.label(), null);
    }

    /** The counted candidates of {@link SloganVerdicts#decide}. */
    public static List<Discovered> of(List<SloganVerdicts.Candidate> candidates) {
      return candidates.stream()
          .filter(SloganVerdicts.Candidate::counted)
          .map(
              c ->
                  new Discovered(
                      c.key(),
                      c.term(),
                      c.surfaces().toArray(String[]::new),
                      c.documentsQuoted(),
                      c.origin().label(),
                      c.quoteShare()))
          .toList();
    }
  }

  /** Origin of a family stem added for its variants (no document quotes it or repeats it alone). */
  public static final String FAMILY = "family";

  /** Origin of a topic in the terms dimension. */
  public static final String TAXONOMY = "taxonomy";

  /**
   * A row of the terms dimension.
   *
   * @param origin lexicon, discovered or mined for a slogan, taxonomy for a topic
   * @param family the family stem's id, or null
   * @param quotedDocuments documents quoting it, for discovered and mined slogans
   * @param quoteShare quoted share of its occurrences, for discovered and mined slogans
   */
  public record Term(
      String kind,
      String id,
      String term,
      String category,
      String[] aliases,
      String origin,
      String family,
      Long quotedDocuments,
      Double quoteShare)
      implements Serializable {
    public Term(String kind, String id, String term, String category, String[] aliases) {
      this(
          kind,
          id,
          term,
          category,
          aliases,
          kind.equals(TOPIC) ? TAXONOMY : SloganEvidence.Origin.LEXICON.label(),
          null,
          null,
          null);
    }
  }

  /**
   * The family stem of a slogan key, or null: the key up to its first ‘+’ after two characters or
   * more.
   */
  public static String familyOf(String key) {
    int plus = key.indexOf('+');
    if (plus < 2 || plus == key.length() - 1) {
      return null;
    }
    String stem = key.substring(0, plus + 1);
    for (int i = 0; i < plus; i++) {
      if (!Character.isDigit(stem.charAt(i))) {
        return stem;
      }
    }
    return null;
  }

  /** Slogans (group {@link #SLOGANS}) and topic keywords ({@link #TOPICS}), over one trie. */
  private final TermMatcher matcher;

  private final List<Term> terms;

  /** Slogan id → family stem id, for the slogans in a family. */
  private final Map<String, String> families;

  private static final int SLOGANS = 0;
  private static final int TOPICS = 1;

  private TermDictionary(TermMatcher matcher, List<Term> terms) {
    this.matcher = matcher;
    this.terms = terms;
    Map<String, String> f = new HashMap<>();
    for (Term t : terms) {
      if (t.kind().equals(SLOGAN) && t.family() != null) {
        f.put(t.id(), t.family());
      }
    }
    this.families = f;
  }

  /**
   * The dictionaries; a match of a term of at most {@code wordBoundaryMaxChars} chars must agree
   * with the text's word boundaries ({@link TermMatcher#of(List, int)}).
   */
  public static TermDictionary build(
      SloganLexicon lexicon,
      Taxonomy taxonomy,
      List<Discovered> discovered,
      long minDocuments,
      int wordBoundaryMaxChars) {
    Map<String, String> surfaceToId = new HashMap<>();
    Map<String, Term> byId = new LinkedHashMap<>();
    for (SloganLexicon.Entry e : lexicon.entries()) {
      surfaceToId.put(e.term(), e.key());
      for (String alias : e.aliases()) {
        surfaceToId.put(alias, e.key());
      }
      byId.put(
          e.key(),
          new Term(
              SLOGAN,
              e.key(),
              e.term(),
              e.category(),
              e.aliases(),
              SloganEvidence.Origin.LEXICON.label(),
              familyOf(e.key()),
              null,
              null));
    }
    for (Discovered d : discovered) {
      boolean quotedTooRarely =
          d.origin().equals(SloganEvidence.Origin.DISCOVERED.label())
              && d.documents() < minDocuments;
      if (quotedTooRarely || lexicon.keyOf(d.key()) != null) {
        continue;
      }
      surfaceToId.put(d.key(), d.key());
      for (String surface : d.surfaces()) {
        if (!Keys.canonical(surface).isEmpty()) {
          surfaceToId.put(surface, d.key());
        }
      }
      byId.put(
          d.key(),
          new Term(
              SLOGAN,
              d.key(),
              d.term(),
              null,
              new String[0],
              d.origin(),
              familyOf(d.key()),
              d.documents(),
              d.quoteShare()));
    }
    Map<String, Integer> variants = new HashMap<>();
    for (Term t : byId.values()) {
      if (t.family() != null && !t.family().equals(t.id())) {
        variants.merge(t.family(), 1, Integer::sum);
      }
    }
    for (Term t : List.copyOf(byId.values())) {
      if (t.family() != null && !byId.containsKey(t.family()) && variants.get(t.family()) >= 2) {
        surfaceToId.put(t.family(), t.family());
        byId.put(
            t.family(),
            new Term(
                SLOGAN,
                t.family(),
                t.family(),
                t.category(),
                new String[0],
                FAMILY,
                t.family(),
                null,
                null));
      }
    }
    // A variant whose stem is no slogan (a family of one) belongs to no family; a stem with
    // variants names itself.
    byId.replaceAll(
        (id, t) -> {
          String family =
              t.family() != null && byId.containsKey(t.family())
                  ? t.family()
                  : variants.containsKey(id) ? id : null;
          return Objects.equals(family, t.family())
              ? t
              : new Term(
                  t.kind(),
                  t.id(),
                  t.term(),
                  t.category(),
                  t.aliases(),
                  t.origin(),
                  family,
                  t.quotedDocuments(),
                  t.quoteShare());
        });
    Set<String> nested = new HashSet<>();
    for (Term t : byId.values()) {
      if (t.origin().equals(SloganEvidence.Origin.LEXICON.label()) || t.id().equals(t.family())) {
        nested.add(t.id());
      }
    }
    List<Term> all = new ArrayList<>(byId.values());
    for (Taxonomy.Topic t : taxonomy.topics()) {
      all.add(new Term(TOPIC, t.id(), t.labelZh(), t.category(), t.keywords()));
    }
    return new TermDictionary(
        TermMatcher.of(
            List.of(surfaceToId, taxonomy.keywords()),
            wordBoundaryMaxChars,
            Map.of(SLOGANS, nested)),
        List.copyOf(all));
  }

  /**
   * Occurrences per term id of one document (title and body matched separately), in order of first
   * appearance: slogans of the title, of the body, then topics of the title, of the body. Keys are
   * kind, NUL, id.
   */
  public Map<String, int[]> count(String title, String body) {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (Mention m : mentions(title, body)) {
      out.computeIfAbsent(m.kind() + "\u0000" + m.id(), k -> new int[1])[0]++;
    }
    return out;
  }

  /**
   * Every occurrence counted in one document, with offsets into its {@link Passage#text}: the
   * slogans of the title, of the body, then the topic keywords of the title, of the body; within
   * each, in text order, a longer slogan before the nested ones inside it.
   */
  public List<Mention> mentions(String title, String body) {
    TermHit[][] inTitle = hits(title);
    TermHit[][] inBody = hits(body);
    QuoteSpan[] titleQuotes = inTitle == NONE ? new QuoteSpan[0] : QuoteScanner.scan(title);
    QuoteSpan[] bodyQuotes = inBody == NONE ? new QuoteSpan[0] : QuoteScanner.scan(body);
    int shift = Passage.bodyOffset(title);
    List<Mention> out = new ArrayList<>();
    add(inTitle[SLOGANS], SLOGAN, titleQuotes, 0, out);
    add(inBody[SLOGANS], SLOGAN, bodyQuotes, shift, out);
    add(inTitle[TOPICS], TOPIC, titleQuotes, 0, out);
    add(inBody[TOPICS], TOPIC, bodyQuotes, shift, out);
    return out;
  }

  private static final TermHit[][] NONE = {new TermHit[0], new TermHit[0]};

  private TermHit[][] hits(String text) {
    return text == null || text.isEmpty() ? NONE : matcher.findAllByGroup(text);
  }

  private static void add(
      TermHit[] hits, String kind, QuoteSpan[] quotes, int shift, List<Mention> out) {
    for (TermHit hit : hits) {
      out.add(
          new Mention(
              kind,
              hit.id(),
              hit.start() + shift,
              hit.end() + shift,
              hit.surface(),
              inside(quotes, hit)));
    }
  }

  /** Whether a quoted span encloses the hit. */
  private static boolean inside(QuoteSpan[] quotes, TermHit hit) {
    for (QuoteSpan q : quotes) {
      if (q.start() > hit.start()) {
        return false; // spans come by start
      }
      if (hit.end() <= q.end()) {
        return true;
      }
    }
    return false;
  }

  /** The family stem's id of a term, or null (topics have none). */
  public String familyOf(String kind, String id) {
    return kind.equals(SLOGAN) ? families.get(id) : null;
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
