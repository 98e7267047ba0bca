package org.tifa.extract;

/**
 * How much a document is about a term: its mentions per {@value #PER} characters of the document's
 * normalized title and body. A rate rather than a count, so that one mention weighs the same in the
 * review of a 20,000-character work report as three in a 60,000-character one, and a short notice
 * that names its subject once is about it. A document is about a topic when the rate reaches the
 * configured minimum ({@code topics.min_salience}); every slogan a document mentions counts, as
 * slogans are counted by occurrence.
 */
public final class Salience {
  private Salience() {}

  /** Characters the rate is given per. */
  public static final int PER = 10_000;

  /** Characters (code points) of a title and body, either of which may be null. */
  public static int chars(String title, String body) {
    return codePoints(title) + codePoints(body);
  }

  private static int codePoints(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }

  /** Mentions per {@value #PER} characters; 0 for a document without text. */
  public static double of(int mentions, int chars) {
    return chars == 0 ? 0 : mentions * (double) PER / chars;
  }

  /** Whether a document with this salience of a term of this kind is about the term. */
  public static boolean about(String kind, double salience, double minSalience) {
    return !kind.equals(TermDictionary.TOPIC) || salience >= minSalience;
  }
}
