/**
 * Reference data loaded once from {@code conf/} on the driver and broadcast: the job settings
 * ({@link org.tifa.reference.TifaConfig}), the gazetteer ({@link org.tifa.reference.Gazetteer}:
 * divisions, aliases, code and name changes as current {@link org.tifa.reference.Region}s), the
 * slogan lexicon ({@link org.tifa.reference.SloganLexicon}) and the topic taxonomy ({@link
 * org.tifa.reference.Taxonomy}). No Spark here; every object is serializable.
 */
package org.tifa.reference;
