package org.tifa.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The quoted slogan candidates of one document: every quoted span of the title and of the body
 * ({@link QuoteScanner}) that passes the {@link SloganRules}. Used for corpus-wide discovery of
 * formulations, whether or not they are in the lexicon.
 */
public final class SloganExtractor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SloganRules rules;

  public SloganExtractor(SloganRules rules) {
    this.rules = rules;
  }

  public SloganRules rules() {
    return rules;
  }

  /** An extractor with the packaged rules. */
  public static SloganExtractor loadDefault() {
    return new SloganExtractor(SloganRules.loadDefault());
  }

  /** Every accepted quoted span, title first, each occurrence separately. Null parts count as empty. */
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
      if (rules.isSlogan(span.text())) {
        out.add(
            new SloganCandidate(
                SloganRules.canonicalKey(span.text()),
                span.text().strip(),
                inTitle,
                span.start(),
                span.end(),
                span.depth(),
                span.end() + 1 < text.length() ? text.codePointAt(span.end() + 1) : -1));
      }
    }
  }
}
