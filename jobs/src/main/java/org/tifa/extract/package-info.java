/**
 * Slogans and topics found in the normalized texts. Plain Java: quoted spans ({@link
 * org.tifa.extract.QuoteScanner}), slogan candidates under canonical keys ({@link
 * org.tifa.extract.SloganExtractor}, {@link org.tifa.extract.SloganRules}), repeated unquoted
 * phrases ({@link org.tifa.extract.PhraseMiner}), the verdict on every candidate from its evidence
 * ({@link org.tifa.extract.SloganEvidence}, {@link org.tifa.extract.NameScreen}, {@link
 * org.tifa.extract.SloganVerdicts}) and the run's dictionary of terms ({@link
 * org.tifa.extract.TermDictionary}). The Spark stages apply them: {@link
 * org.tifa.extract.DiscoverSlogans} gathers the quoted evidence (from the candidates the
 * per-document pass found), {@link org.tifa.extract.MeasureSlogans} counts occurrences and mines
 * phrases (and collects both to the driver, where the verdicts are made), and {@link
 * org.tifa.extract.ExtractTerms} counts every term of the dictionary per document. Matchers are
 * serializable so the stages can broadcast them.
 */
package org.tifa.extract;
