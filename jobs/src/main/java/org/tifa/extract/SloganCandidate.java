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
 * @param named whether the quotation names a thing by the character after it or the word before it
 *     (“未来”号, 台风“摩羯”: names, not formulations; see {@code names} in conf/slogan-rules.yaml)
 */
public record SloganCandidate(
    String key, String surface, boolean inTitle, int start, int end, int depth, boolean named)
    implements Serializable {}
