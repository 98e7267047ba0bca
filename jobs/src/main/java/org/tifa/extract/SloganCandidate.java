package org.tifa.extract;

import java.io.Serializable;

/**
 * A quoted span of a document that passed the slogan rules.
 *
 * @param key canonical key, the form under which it is counted
 * @param surface the quoted text as written, stripped of surrounding spaces
 * @param inTitle whether it was found in the title rather than the body
 * @param start offset of the quoted text in the title or body
 * @param end offset just past the quoted text
 * @param depth quotation depth, 0 for a quotation not inside another
 * @param after the code point right after the closing quotation mark, or -1 at the end of the text
 *     (“未来”号: a name, not a formulation)
 */
public record SloganCandidate(
    String key, String surface, boolean inTitle, int start, int end, int depth, int after)
    implements Serializable {}
