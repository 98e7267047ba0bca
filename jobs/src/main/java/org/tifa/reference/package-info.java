/**
 * Reference data loaded once from {@code conf/} and broadcast: {@link
 * org.tifa.reference.SloganLexicon} (known slogans) and {@link org.tifa.reference.Taxonomy}
 * (topics and their keywords). In: the packaged YAML files or a reader. Out: immutable,
 * serializable lookups and their {@link org.tifa.extract.TermMatcher}s.
 */
package org.tifa.reference;
