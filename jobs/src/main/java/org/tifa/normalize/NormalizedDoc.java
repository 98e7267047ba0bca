package org.tifa.normalize;

import java.io.Serializable;

/**
 * A normalized record. {@code source} is the record's own source, or the 来源 header of the body when
 * the record has none; {@code originalTitle} comes from a 原标题 header line. Text fields are null
 * where the input was null. {@code traditionalConverted} counts characters that changed.
 */
public record NormalizedDoc(
    String title,
    String body,
    String source,
    String originalTitle,
    int pinyinRemoved,
    int linesDropped,
    int traditionalConverted)
    implements Serializable {}
