/**
 * The only package that writes output: {@link org.tifa.write.SnapshotWriter} (schema-checked
 * Parquet tables, atomic commit, LATEST) and {@link org.tifa.write.Manifest} (manifest.json).
 */
package org.tifa.write;
