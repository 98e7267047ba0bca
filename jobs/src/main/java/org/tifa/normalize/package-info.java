/**
 * Normalized text and duplicates. Plain Java: {@link org.tifa.normalize.TextNormalizer} turns a
 * record's title, body and source into cleaned, simplified text without pinyin annotations or
 * publisher boilerplate, and reports what it removed ({@link org.tifa.normalize.NormalizedDoc});
 * its output is strings of \n-separated, trimmed, non-empty lines. {@link
 * org.tifa.normalize.NearDuplicateSigner} signs a text for near-duplicate detection ({@link
 * org.tifa.normalize.MinHash}). The Spark stages, over the per-document pass's columns: {@link
 * org.tifa.normalize.Deduplicate} sets exact copies aside, and {@link
 * org.tifa.normalize.NearDuplicates} groups near copies, running Spark jobs of its own (persisted
 * signatures, and a count per round of label propagation).
 */
package org.tifa.normalize;
