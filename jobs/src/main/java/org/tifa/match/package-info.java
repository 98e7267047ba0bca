/**
 * Dictionary matching shared by the reference data and the stages: canonical keys ({@link
 * org.tifa.match.Keys}), leftmost-longest matching of many terms in one pass that never cuts a
 * number and, for short terms, never a word ({@link org.tifa.match.TermMatcher}, {@link
 * org.tifa.match.WordBoundaries}), and its hits ({@link org.tifa.match.TermHit}). Plain Java;
 * matchers are serializable and build their tries once per JVM.
 */
package org.tifa.match;
