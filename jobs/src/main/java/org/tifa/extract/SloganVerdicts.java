package org.tifa.extract;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tifa.extract.SloganEvidence.Decision;
import org.tifa.extract.SloganEvidence.Figures;
import org.tifa.extract.SloganEvidence.Origin;
import org.tifa.extract.SloganEvidence.Reason;
import org.tifa.match.Keys;
import org.tifa.reference.SloganLexicon;

/**
 * Every slogan candidate of a run with its evidence and verdict: the quoted candidates ({@link
 * DiscoverSlogans}) with their occurrences ({@link MeasureSlogans}), and the frequent mined phrases
 * ({@link PhraseMiner}). Runs on the driver over the collected figures; the result becomes the
 * {@code slogan_candidates} table and the discovered and mined slogans of the dictionary.
 *
 * <p>Order of the rules, first that decides: a lexicon form is counted as its lexicon entry; a name
 * is rejected ({@link NameScreen}), and so is a quoted idiom ({@link #isIdiom}); a quoted candidate
 * is judged on its quote share and spread ({@link SloganEvidence#judge}); a mined phrase must pass
 * the shape rules of quoted spans ({@link SloganRules}), not be a word of the general dictionary,
 * contain no lexicon form (the lexicon entry is counted there already) unless it is one followed by
 * a head, and be the one kept of a phrase and its longer forms ({@link PhraseMiner#dropped}). A key
 * both quoted and mined keeps the quoted verdict when it is counted, else the mined one.
 */
public final class SloganVerdicts {
  private SloganVerdicts() {}

  /** A row of {@code slogan_candidates}. */
  public record Candidate(
      String key,
      String term,
      Origin origin,
      Decision decision,
      String detail,
      long documentsQuoted,
      long quoted,
      long occurrences,
      long documents,
      long sources,
      long regions,
      List<String> surfaces)
      implements Serializable {
    public double quoteShare() {
      return new Figures(documentsQuoted, quoted, occurrences, sources, regions).quoteShare();
    }

    public boolean counted() {
      return decision.counted();
    }
  }

  /**
   * All candidates, counted ones first, then by documents (descending) and key.
   *
   * @param quoted quoted evidence per key
   * @param occurrences per quoted key: {documents containing it, occurrences}
   * @param phrases the frequent mined phrases
   */
  public static List<Candidate> decide(
      List<DiscoverSlogans.Quoted> quoted,
      Map<String, long[]> occurrences,
      List<PhraseMiner.Phrase> phrases,
      SloganLexicon lexicon,
      SloganRules rules,
      NameScreen names,
      PhraseMiner miner) {
    Map<String, Candidate> byKey = new LinkedHashMap<>();
    for (DiscoverSlogans.Quoted q : quoted) {
      long[] occ = occurrences.getOrDefault(q.key(), new long[] {q.documents(), q.quoted()});
      Figures f =
          new Figures(
              q.documents(), q.quoted(), Math.max(occ[1], q.quoted()), q.sources(), q.regions());
      Decision d = judgeQuoted(q, f, lexicon, rules, names);
      String detail = d.reason() == Reason.IN_LEXICON ? lexicon.keyOf(q.key()) : null;
      byKey.put(
          q.key(),
          new Candidate(
              q.key(),
              q.term(),
              Origin.DISCOVERED,
              d,
              detail,
              q.documents(),
              q.quoted(),
              f.occurrences(),
              Math.max(occ[0], q.documents()),
              q.sources(),
              q.regions(),
              q.surfaces()));
    }
    Map<String, PhraseMiner.Dropped> dropped = miner.dropped(phrases);
    for (PhraseMiner.Phrase p : phrases) {
      Candidate before = byKey.get(p.phrase());
      if (before != null
          && (before.counted() || before.decision().reason() != Reason.RARELY_QUOTED)) {
        continue;
      }
      Judged judged = judgeMined(p, dropped, lexicon, rules, names, miner);
      Decision d = judged.decision();
      String detail = judged.detail();
      long quotedDocs = before == null ? 0 : before.documentsQuoted();
      long quotedN = before == null ? 0 : before.quoted();
      long sources = before == null ? 0 : before.sources();
      List<String> surfaces = before == null ? List.of(p.phrase()) : before.surfaces();
      if (before != null && !d.counted()) {
        continue;
      }
      byKey.put(
          p.phrase(),
          new Candidate(
              p.phrase(),
              before == null ? p.phrase() : before.term(),
              Origin.MINED,
              d,
              detail,
              quotedDocs,
              quotedN,
              Math.max(p.occurrences(), quotedN),
              p.documents(),
              sources,
              p.regions(),
              surfaces));
    }
    List<Candidate> out = new ArrayList<>(byKey.values());
    out.sort(
        Comparator.comparing((Candidate c) -> !c.counted())
            .thenComparing(Candidate::documents, Comparator.reverseOrder())
            .thenComparing(Candidate::key));
    return out;
  }

  /**
   * A mined phrase's decision and the detail it names (a lexicon key, a shape rule, a phrase), or
   * null.
   */
  private record Judged(Decision decision, String detail) {
    static Judged rejected(Reason reason) {
      return new Judged(Decision.rejected(reason), null);
    }

    static Judged rejected(Reason reason, String detail) {
      return new Judged(Decision.rejected(reason), detail);
    }
  }

  /**
   * The mining rules in order, first that decides; each is worked out only when those before it
   * pass.
   */
  private static Judged judgeMined(
      PhraseMiner.Phrase p,
      Map<String, PhraseMiner.Dropped> dropped,
      SloganLexicon lexicon,
      SloganRules rules,
      NameScreen names,
      PhraseMiner miner) {
    String phrase = p.phrase();
    String lexiconKey = lexicon.keyOf(phrase);
    if (lexiconKey != null) {
      return Judged.rejected(Reason.IN_LEXICON, lexiconKey);
    }
    Optional<SloganRules.Rejection> shape = rules.rejection(phrase);
    if (shape.isPresent()) {
      return Judged.rejected(
          Reason.NOT_FORMULATION_SHAPE, shape.get().name().toLowerCase(java.util.Locale.ROOT));
    }
    Optional<Reason> name = names.screen(phrase, List.of(phrase), 0);
    if (name.isPresent()) {
      return Judged.rejected(name.get());
    }
    if (p.introducedShare() < miner.rules().minIntroducedShare()) {
      return Judged.rejected(Reason.NOT_INTRODUCED);
    }
    if (PhraseMiner.isDictionaryWord(phrase)) {
      return Judged.rejected(Reason.DICTIONARY_WORD);
    }
    String inside = lexiconFormInside(phrase, lexicon, miner.rules().heads().keySet());
    if (inside != null) {
      return Judged.rejected(Reason.CONTAINS_LEXICON_FORM, inside);
    }
    PhraseMiner.Dropped why = dropped.get(phrase);
    if (why != null) {
      return Judged.rejected(
          why.why() == PhraseMiner.Drop.PART_OF_LONGER
              ? Reason.PART_OF_LONGER
              : Reason.EXTENDS_SHORTER,
          why.other());
    }
    return new Judged(
        new Decision(SloganEvidence.Verdict.COUNTED, Reason.REPEATED_ACROSS_REGIONS), null);
  }

  private static Decision judgeQuoted(
      DiscoverSlogans.Quoted q,
      Figures f,
      SloganLexicon lexicon,
      SloganRules rules,
      NameScreen names) {
    if (lexicon.keyOf(q.key()) != null) {
      return Decision.rejected(Reason.IN_LEXICON);
    }
    double namedShare = q.quoted() == 0 ? 0 : (double) q.named() / q.quoted();
    Optional<Reason> name = names.screen(q.key(), q.surfaces(), namedShare);
    if (name.isPresent()) {
      return Decision.rejected(name.get());
    }
    if (isIdiom(q.key())) {
      return Decision.rejected(Reason.IDIOM);
    }
    return SloganEvidence.judge(q.key(), f, rules.evidence());
  }

  /**
   * Whether HanLP's core dictionary knows {@code key} only as an idiom (nature i). Set phrases
   * (nature l, such as 扫黄打非 or 吃大锅饭) include campaign names and stay candidates.
   */
  static boolean isIdiom(String key) {
    CoreDictionary.Attribute word = CoreDictionary.get(key);
    if (word == null) {
      return false;
    }
    for (Nature nature : word.nature) {
      if (nature != Nature.i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first lexicon form (term or alias) inside {@code phrase}, or null. A phrase that is a
   * lexicon form followed by a head names something of its own (中央八项规定精神, the spirit of the rules
   * 中央八项规定) and holds no form in this sense.
   */
  static String lexiconFormInside(String phrase, SloganLexicon lexicon, Set<String> heads) {
    for (String head : heads) {
      String form =
          phrase.endsWith(head) ? phrase.substring(0, phrase.length() - head.length()) : "";
      if (!form.isEmpty() && lexicon.keyOf(form) != null) {
        return null;
      }
    }
    for (SloganLexicon.Entry e : lexicon.entries()) {
      if (phrase.contains(e.key())) {
        return e.key();
      }
      for (String alias : e.aliases()) {
        String a = Keys.canonical(alias);
        if (!a.isEmpty() && phrase.contains(a)) {
          return e.key();
        }
      }
    }
    return null;
  }
}
