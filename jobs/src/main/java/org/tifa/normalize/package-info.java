/**
 * Text normalization, plain Java with no Spark: {@link org.tifa.normalize.TextNormalizer} turns a
 * record's title, body and source into cleaned, simplified text without pinyin annotations or
 * publisher boilerplate, and reports what it removed ({@link org.tifa.normalize.NormalizedDoc}).
 * In: raw strings as found. Out: strings with \n-separated, trimmed, non-empty lines. Nothing is
 * quarantined here; the Spark stage wraps this.
 */
package org.tifa.normalize;
