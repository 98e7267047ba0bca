/**
 * Comparing two committed snapshots ({@code tifa compare}): {@link org.tifa.compare.SnapshotRef}
 * finds and checks a snapshot (directory, root or LATEST; committed; same schema version) before
 * Spark starts, {@link org.tifa.compare.SnapshotTables} reads its tables with their documented
 * schemas, and three pure stages build the comparison's tables: {@link
 * org.tifa.compare.TermChanges} (with the {@link org.tifa.compare.TwoProportion} test), {@link
 * org.tifa.compare.TermDiffusion} and {@link org.tifa.compare.RegionSimilarity}. In: snapshot
 * tables. Out: Datasets; {@code CompareJob} writes them through {@code org.tifa.write}.
 */
package org.tifa.compare;
