package org.tifa.normalize;

import java.io.Serializable;

/**
 * Normalizes the text of a report so that the same words are spelled the same way everywhere:
 * {@link UnicodeCleanup}, then {@link PinyinStripper}, then {@link ScriptConverter}, then, for
 * bodies only, {@link Boilerplate}. The order matters: pinyin is recognised on cleaned Latin
 * letters, and boilerplate patterns are written in simplified characters.
 *
 * <p>Serializable and thread-safe: the only state is the immutable boilerplate configuration.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Boilerplate boilerplate;

  private TextNormalizer(Boilerplate boilerplate) {
    this.boilerplate = boilerplate;
  }

  public static TextNormalizer fromConfig(Boilerplate boilerplate) {
    if (boilerplate == null) {
      throw new IllegalArgumentException("boilerplate is required");
    }
    return new TextNormalizer(boilerplate);
  }

  /** Uses the packaged {@code tifa/conf/boilerplate.yaml}. */
  public static TextNormalizer defaults() {
    return new TextNormalizer(Boilerplate.defaults());
  }

  public NormalizedDoc normalizeDocument(String title, String body, String source) {
    Tally tally = new Tally();
    String normTitle = title == null ? null : normalize(title, false, tally);
    String normBody = body == null ? null : boilerplate.filter(normalize(body, true, tally), tally);
    String normSource = source == null ? null : normalize(source, false, tally);
    if ((normSource == null || normSource.isEmpty()) && tally.headerSource != null) {
      normSource = tally.headerSource;
    }
    return new NormalizedDoc(
        normTitle,
        normBody,
        normSource,
        tally.headerOriginalTitle,
        tally.pinyinRemoved,
        tally.linesDropped,
        tally.traditionalConverted);
  }

  /** For short fields (names, sources): the same character steps, line breaks become spaces. */
  public String normalizeField(String s) {
    return s == null ? null : normalize(s, false, new Tally());
  }

  /** The character steps in their order (cleanup, pinyin, script), without the line filter. */
  static String normalize(String s, boolean keepLines, Tally tally) {
    String cleaned = UnicodeCleanup.clean(s, keepLines);
    return ScriptConverter.toSimplified(PinyinStripper.strip(cleaned, tally), tally);
  }
}
