package org.tifa.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * The corpus-wide evidence for one slogan candidate and the verdict drawn from it: whether the
 * candidate is counted as a slogan, and why. A pure function of the figures, so that every verdict
 * can be re-derived by hand from the {@code slogan_candidates} table.
 *
 * <p>The evidence separates a formulation from a word quoted for emphasis by the share of its
 * occurrences that stand in quotation marks: a campaign's own name is quoted nearly every time it
 * is written (a county's 三亮 in the one document that names it), while an ordinary word such as 人民
 * is quoted in a tiny share of the thousands of times it occurs. A formulation quoted by many
 * documents from several sources is counted at a lower share, since it is written unquoted once it
 * is established. Names (places, organisations, named things, honours, codes, titles) are never
 * counted, whatever their evidence ({@link NameScreen}).
 */
public final class SloganEvidence {
  private SloganEvidence() {}

  /** Where a candidate came from. */
  public enum Origin {
    /** The curated lexicon, conf/slogans.yaml. */
    LEXICON,
    /** Found in quotation marks. */
    DISCOVERED,
    /** Found as a phrase repeated verbatim, unquoted, across regions ({@link PhraseMiner}). */
    MINED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What was decided. */
  public enum Verdict {
    COUNTED,
    REJECTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why. Each value is one rule of conf/slogan-rules.yaml or of {@link NameScreen}. */
  public enum Reason {
    /** Quoted in at least {@code evidence.min_quote_share} of its occurrences. */
    QUOTED_MOSTLY,
    /**
     * Quoted by many documents of several sources or regions, at a lower share ({@code
     * evidence.widely_*}).
     */
    QUOTED_WIDELY,
    /** Mined: repeated verbatim across regions and passing the mining rules. */
    REPEATED_ACROSS_REGIONS,
    /** Quoted in too small a share of its occurrences: an ordinary word quoted for emphasis. */
    RARELY_QUOTED,
    /** A place name of the gazetteer or of the names list. */
    PLACE,
    /** An organisation's name. */
    ORGANISATION,
    /** A named thing: a ship, spacecraft, typhoon, product or event (“未来”号, 渤海2号, …大赛). */
    NAMED_THING,
    /** An award or honour. */
    HONOUR,
    /** A code without context: 1·22, 8·20. */
    CODE,
    /** A statistic quoted as a record: 四连增, 双下降. */
    STATISTIC,
    /** The title of a work quoted without 《》. */
    TITLE_OF_WORK,
    /**
     * An idiom (成语) of HanLP's core dictionary, such as 柴米油盐 or 舍我其谁: quoted as rhetoric, not
     * coined by policy.
     */
    IDIOM,
    /** The key is a lexicon form: it is counted as that lexicon entry (named in the detail). */
    IN_LEXICON,
    /** Mined: fails a shape rule of quoted spans (named in the detail: stop_word, too_long …). */
    NOT_FORMULATION_SHAPE,
    /**
     * Mined: a word of HanLP's core dictionary (国民经济, 市场经济): established vocabulary, not a
     * formulation coined by policy.
     */
    DICTIONARY_WORD,
    /**
     * Mined: mostly written after other content words, not introduced by an opener or a clause
     * start (提质增效行动 after 公共文化服务): the tail of several longer names.
     */
    NOT_INTRODUCED,
    /** Mined: contains a lexicon form (named in the detail), which is counted there already. */
    CONTAINS_LEXICON_FORM,
    /**
     * Mined: most of its documents have it inside a longer frequent phrase (named in the detail).
     */
    PART_OF_LONGER,
    /**
     * Mined: a rare longer form of a frequent phrase (named in the detail), which is kept instead.
     */
    EXTENDS_SHORTER;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The figures of one quoted candidate.
   *
   * @param documentsQuoted accepted, unique documents quoting it
   * @param quoted its quoted occurrences in them
   * @param occurrences all its occurrences in them, quoted or not (at least {@code quoted})
   * @param sources distinct publishers among the quoting documents
   * @param regions distinct provinces among the quoting documents (documents without one count as
   *     one more)
   */
  public record Figures(
      long documentsQuoted, long quoted, long occurrences, long sources, long regions)
      implements Serializable {
    /**
     * Quoted occurrences over all occurrences; 1 when the matcher found none outside the quotes.
     */
    public double quoteShare() {
      long all = Math.max(occurrences, quoted);
      return all == 0 ? 0 : (double) quoted / all;
    }
  }

  /** The {@code evidence} section of conf/slogan-rules.yaml. */
  public record Rules(
      @JsonProperty("min_quote_share") Double minQuoteShare,
      @JsonProperty("short_key_chars") Integer shortKeyChars,
      @JsonProperty("short_key_min_quote_share") Double shortKeyMinQuoteShare,
      @JsonProperty("widely_quoted_documents") Integer widelyQuotedDocuments,
      @JsonProperty("widely_quoted_sources") Integer widelyQuotedSources,
      @JsonProperty("widely_quoted_min_share") Double widelyQuotedMinShare,
      @JsonProperty("short_key_widely_quoted_documents") Integer shortKeyWidelyQuotedDocuments)
      implements Serializable {

    /** Checks every field is present and in its range; the message names the key. */
    public Rules {
      share("min_quote_share", minQuoteShare);
      share("short_key_min_quote_share", shortKeyMinQuoteShare);
      share("widely_quoted_min_share", widelyQuotedMinShare);
      count("short_key_chars", shortKeyChars, 1, 24);
      count("widely_quoted_documents", widelyQuotedDocuments, 1, 1_000_000);
      count("widely_quoted_sources", widelyQuotedSources, 1, 1_000_000);
      count("short_key_widely_quoted_documents", shortKeyWidelyQuotedDocuments, 1, 1_000_000);
    }
  }

  /** The verdict of a quoted candidate that passed the name screen. */
  public static Decision judge(String key, Figures f, Rules rules) {
    double share = f.quoteShare();
    int chars = key.codePointCount(0, key.length());
    double needed =
        chars <= rules.shortKeyChars() ? rules.shortKeyMinQuoteShare() : rules.minQuoteShare();
    if (share >= needed) {
      return new Decision(Verdict.COUNTED, Reason.QUOTED_MOSTLY);
    }
    int quotingDocuments =
        chars <= rules.shortKeyChars()
            ? rules.shortKeyWidelyQuotedDocuments()
            : rules.widelyQuotedDocuments();
    if (f.documentsQuoted() >= quotingDocuments
        && Math.max(f.sources(), f.regions()) >= rules.widelyQuotedSources()
        && share >= rules.widelyQuotedMinShare()) {
      return new Decision(Verdict.COUNTED, Reason.QUOTED_WIDELY);
    }
    return new Decision(Verdict.REJECTED, Reason.RARELY_QUOTED);
  }

  /** A verdict and the rule that decided it. */
  public record Decision(Verdict verdict, Reason reason) implements Serializable {
    public static Decision rejected(Reason reason) {
      return new Decision(Verdict.REJECTED, reason);
    }

    public boolean counted() {
      return verdict == Verdict.COUNTED;
    }
  }

  static void share(String name, Double value) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "slogan rules: evidence/mining." + name + " must be a number in [0, 1], is " + value);
    }
  }

  static void count(String name, Integer value, int min, int max) {
    if (value == null || value < min || value > max) {
      throw new IllegalArgumentException(
          "slogan rules: "
              + name
              + " must be an integer in ["
              + min
              + ", "
              + max
              + "], is "
              + value);
    }
  }
}
