package org.tifa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SnapshotDiff on snapshots written here by DuckDB: it must see each kind of difference. */
class SnapshotDiffTest {
  @TempDir Path dir;

  private Path snapshot(String name, String counts, String documentsSql, String termCountsSql)
      throws Exception {
    Path s = dir.resolve(name);
    Files.createDirectories(s.resolve("documents"));
    Files.writeString(s.resolve("manifest.json"), "{\"counts\": " + counts + "}");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute(
          "COPY ("
              + documentsSql
              + ") TO '"
              + s.resolve("documents/part-0.parquet")
              + "' (FORMAT parquet)");
      if (termCountsSql != null) {
        st.execute(
            "COPY ("
                + termCountsSql
                + ") TO '"
                + s.resolve("term_counts")
                + "' (FORMAT parquet, PARTITION_BY (grain))");
      }
    }
    return s;
  }

  private static final String COUNTS = "{\"records_read\": 3, \"accepted\": 3}";
  private static final String DOCS =
      "SELECT * FROM (VALUES ('a', 1), ('b', 2), ('b', 2)) t(doc_id, n)";
  private static final String CELLS =
      "SELECT * FROM (VALUES ('month', 'x', 5), ('year', 'x', 5)) t(grain, term, documents)";

  @Test
  void theSameRowsInAnotherOrderAreTheSame() throws Exception {
    Path a = snapshot("a", COUNTS, DOCS, CELLS);
    Path b =
        snapshot(
            "b",
            COUNTS,
            "SELECT * FROM (VALUES ('b', 2), ('a', 1), ('b', 2)) t(doc_id, n)",
            "SELECT * FROM (VALUES ('year', 'x', 5), ('month', 'x', 5)) t(grain, term, documents)");
    assertEquals(List.of(), SnapshotDiff.differences(a, b));
  }

  @Test
  void aChangedRowADroppedCopyAndAPartitionValueAreDifferences() throws Exception {
    Path a = snapshot("a", COUNTS, DOCS, CELLS);
    // One row changed and one of the two copies of ('b', 2) gone: both directions are reported.
    Path b =
        snapshot(
            "b",
            COUNTS,
            "SELECT * FROM (VALUES ('a', 1), ('b', 3)) t(doc_id, n)",
            "SELECT * FROM (VALUES ('month', 'x', 5), ('quarter', 'x', 5)) t(grain, term, documents)");
    List<String> d = SnapshotDiff.differences(a, b);
    assertEquals(4, d.size(), d::toString);
    assertTrue(
        d.get(0).startsWith("documents: rows of the expected snapshot the actual one lacks"),
        d.get(0));
    assertTrue(d.get(0).contains("[b, 2], [b, 2]"), d.get(0));
    assertTrue(
        d.get(1).startsWith("documents: rows of the actual snapshot the expected one lacks"),
        d.get(1));
    assertTrue(d.get(2).startsWith("term_counts:") && d.get(2).contains("year"), d.get(2));
    assertTrue(d.get(3).startsWith("term_counts:") && d.get(3).contains("quarter"), d.get(3));
  }

  @Test
  void countsTablesAndColumnsAreCompared() throws Exception {
    Path a = snapshot("a", COUNTS, DOCS, CELLS);
    Path b =
        snapshot(
            "b",
            "{\"records_read\": 3, \"accepted\": 2}",
            "SELECT doc_id, n::DOUBLE AS n FROM (" + DOCS + ")",
            null);
    List<String> d = SnapshotDiff.differences(a, b);
    assertEquals(3, d.size(), d::toString);
    assertTrue(d.get(0).startsWith("manifest counts:"), d.get(0));
    assertTrue(d.get(1).equals("tables: [documents, term_counts] vs [documents]"), d.get(1));
    assertTrue(d.get(2).startsWith("documents: columns"), d.get(2));
  }
}
