/**
 * Pure text logic for slogan and topic extraction, no Spark. In: normalized title and body
 * strings. Out: quoted spans ({@link org.tifa.extract.QuoteScanner}), slogan candidates under
 * canonical keys ({@link org.tifa.extract.SloganExtractor}, {@link
 * org.tifa.extract.SloganRules}) and dictionary hits ({@link org.tifa.extract.TermMatcher}). Every
 * matcher is {@link java.io.Serializable} so the Spark stages can broadcast it.
 */
package org.tifa.extract;
