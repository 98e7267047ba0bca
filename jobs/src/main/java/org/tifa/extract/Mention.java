package org.tifa.extract;

import java.io.Serializable;

/**
 * One occurrence of a term in a document, as counted: offsets are into the document's {@link
 * Passage#text text} (title, a line break, body) in Java chars.
 *
 * @param kind {@link TermDictionary#SLOGAN} or {@link TermDictionary#TOPIC}
 * @param id the term's id
 * @param start offset of the first matched character
 * @param end offset just past the last matched character
 * @param surface the matched text as written
 * @param quoted whether the match lies inside a pair of quotation marks ({@link QuoteScanner})
 */
public record Mention(String kind, String id, int start, int end, String surface, boolean quoted)
    implements Serializable {}
