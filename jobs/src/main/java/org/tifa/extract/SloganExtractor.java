package org.tifa.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tifa.match.Keys;
import org.tifa.match.TermHit;
import org.tifa.match.TermMatcher;
import org.tifa.reference.SloganLexicon;

/**
 * The quoted slogan candidates of one document: every quoted span of the title and of the body
 * ({@link QuoteScanner}) that passes the {@link SloganRules}. Used for corpus-wide discovery of
 * formulations, whether or not they are in the lexicon.
 *
 * <p>A quotation that is part of a longer lexicon form is not a candidate: in 高效办成“一件事” and
 * 既“放得活”又“管得好” the marks set off part of a known formulation (the term matcher reads through
 * quotation marks and counts the longer form), and the quote is no evidence that 一件事 or 放得活 is a
 * formulation of its own. Only lexicon forms that reach at most {@value #CUT_WINDOW} characters
 * past either end of the quotation are looked for.
 */
public final class SloganExtractor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Characters read either side of a quotation to see whether it cuts a lexicon form. */
  static final int CUT_WINDOW = 12;

  private final SloganRules rules;

  /** The lexicon's terms and aliases, or null to take every quotation that passes the rules. */
  private final TermMatcher lexiconForms;

  /** Characters before an opening quotation mark that can hold a named-thing preceder (台风). */
  private final int precederWindow;

  public SloganExtractor(SloganRules rules, TermMatcher lexiconForms) {
    this.rules = rules;
    this.lexiconForms = lexiconForms;
    this.precederWindow =
        rules.names().namedThingPreceders().stream().mapToInt(String::length).max().orElse(0);
  }

  public SloganRules rules() {
    return rules;
  }

  /** An extractor with the packaged rules and lexicon. */
  public static SloganExtractor loadDefault() {
    return new SloganExtractor(SloganRules.loadDefault(), SloganLexicon.loadDefault().matcher());
  }

  /**
   * Every accepted quoted span, title first, each occurrence separately. Null parts count as empty.
   */
  public SloganCandidate[] extract(String title, String body) {
    List<SloganCandidate> out = new ArrayList<>();
    collect(title, true, out);
    collect(body, false, out);
    return out.toArray(new SloganCandidate[0]);
  }

  /** The distinct canonical keys of {@link #extract}, in order of first occurrence. */
  public String[] candidates(String title, String body) {
    Set<String> keys = new LinkedHashSet<>();
    for (SloganCandidate c : extract(title, body)) {
      keys.add(c.key());
    }
    return keys.toArray(new String[0]);
  }

  private void collect(String text, boolean inTitle, List<SloganCandidate> out) {
    if (text == null) {
      return;
    }
    for (QuoteSpan span : QuoteScanner.scan(text)) {
      if (rules.isSlogan(span.text()) && !cutsALexiconForm(text, span.start(), span.end())) {
        out.add(
            new SloganCandidate(
                Keys.canonical(span.text()),
                span.text().strip(),
                inTitle,
                span.start(),
                span.end(),
                span.depth(),
                namesAThing(text, span)));
      }
    }
  }

  /**
   * Whether a quotation names a thing by the character after its closing mark (“未来”号) or the word
   * before its opening one (台风“摩羯”).
   */
  private boolean namesAThing(String text, QuoteSpan span) {
    int open = Math.max(0, span.start() - 1);
    return rules
        .names()
        .namesAThing(
            span.end() + 1 < text.length() ? text.codePointAt(span.end() + 1) : -1,
            text.substring(Math.max(0, open - precederWindow), open));
  }

  /**
   * Whether the quotation of {@code text} from {@code start} to {@code end} lies inside a longer
   * lexicon form once the quotation marks around it are read past, and is no lexicon form itself
   * (“十四五”规划 quotes 十四五).
   */
  boolean cutsALexiconForm(String text, int start, int end) {
    if (lexiconForms == null || isLexiconForm(text.substring(start, end))) {
      return false;
    }
    int from = Math.max(0, start - CUT_WINDOW);
    int to = Math.min(text.length(), end + CUT_WINDOW);
    return covered(lexiconForms.findAll(text.substring(from, to)), start - from, end - from);
  }

  private boolean isLexiconForm(String quoted) {
    TermHit[] hits = lexiconForms.findAll(quoted);
    return hits.length == 1 && hits[0].surface().strip().equals(quoted.strip());
  }

  /** Whether a hit covers {@code start} to {@code end} and more. */
  private static boolean covered(TermHit[] hits, int spanStart, int spanEnd) {
    for (TermHit hit : hits) {
      if (hit.start() <= spanStart
          && hit.end() >= spanEnd
          && hit.end() - hit.start() > spanEnd - spanStart) {
        return true;
      }
    }
    return false;
  }
}
