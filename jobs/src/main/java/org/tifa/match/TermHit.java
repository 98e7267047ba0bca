package org.tifa.match;

import java.io.Serializable;

/**
 * One dictionary match in a text.
 *
 * @param start offset of the first matched character in the original text
 * @param end offset just past the last matched character
 * @param id the id the dictionary maps the matched form to
 * @param surface the matched text as written, separators and spaces included
 */
public record TermHit(int start, int end, String id, String surface) implements Serializable {}
