/**
 * Loaders for the reference data in conf/: {@link org.tifa.reference.Gazetteer} reads
 * conf/gazetteer (divisions, aliases, code and name changes) into current {@link
 * org.tifa.reference.Region}s. No Spark here; the objects are serializable for broadcasting.
 */
package org.tifa.reference;
