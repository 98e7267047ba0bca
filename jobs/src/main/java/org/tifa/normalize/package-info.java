/**
 * Normalized text and duplicates. Plain Java: {@link org.tifa.normalize.TextNormalizer} turns a
 * record's title, body and source into cleaned, simplified text without pinyin annotations or
 * publisher boilerplate, and reports what it removed ({@link org.tifa.normalize.NormalizedDoc});
 * its output is strings of \n-separated, trimmed, non-empty lines. {@link
 * org.tifa.normalize.MinHash} signs a text for near-duplicate detection. The Spark stages: {@link
 * org.tifa.normalize.NormalizeText} applies the normalizer and quarantines records left without
 * text, {@link org.tifa.normalize.Deduplicate} sets exact copies aside, and {@link
 * org.tifa.normalize.NearDuplicates} groups near copies, running its own Spark jobs (persisted
 * signatures, and a count per round of label propagation).
 */
package org.tifa.normalize;
