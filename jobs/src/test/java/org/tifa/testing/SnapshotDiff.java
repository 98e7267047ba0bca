package org.tifa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether two snapshots (or two comparisons) hold the same tables, read back by DuckDB: the same
 * Parquet tables, each with the same columns and types and the same rows (as multisets: order and
 * files do not matter), and the same record counts in their manifests. Used by StandaloneClusterIT
 * (a cluster run against a local one) and by scripts/check-spark-line (a Spark line's sample run
 * against the default line's).
 *
 * <p>{@code java ... org.tifa.testing.SnapshotDiff EXPECTED ACTUAL} prints one line per table and
 * every difference found; exit 0 when there is none, 1 when there are, 2 on wrong arguments.
 */
public final class SnapshotDiff {
  private SnapshotDiff() {}

  /** Rows shown per table and direction when they differ. */
  private static final int SHOWN = 3;

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SnapshotDiff EXPECTED-SNAPSHOT ACTUAL-SNAPSHOT");
      System.exit(2);
    }
    Path expected = Path.of(args[0]);
    Path actual = Path.of(args[1]);
    for (Path p : List.of(expected, actual)) {
      if (!Files.isRegularFile(p.resolve("manifest.json"))) {
        System.err.println("SnapshotDiff: no snapshot (manifest.json) at " + p);
        System.exit(2);
      }
    }
    List<String> differences = differences(expected, actual, System.out);
    differences.forEach(d -> System.out.println("DIFFERENT " + d));
    System.out.println(
        differences.isEmpty() ? "same tables, row for row" : differences.size() + " difference(s)");
    System.exit(differences.isEmpty() ? 0 : 1);
  }

  /**
   * The differences, each a line naming its table; empty when the snapshots hold the same tables.
   */
  public static List<String> differences(Path expected, Path actual)
      throws IOException, SQLException {
    return differences(expected, actual, null);
  }

  private static List<String> differences(Path expected, Path actual, java.io.PrintStream progress)
      throws IOException, SQLException {
    List<String> out = new ArrayList<>();
    JsonNode want =
        new ObjectMapper().readTree(expected.resolve("manifest.json").toFile()).get("counts");
    JsonNode got =
        new ObjectMapper().readTree(actual.resolve("manifest.json").toFile()).get("counts");
    // A comparison's manifest has no record counts: then neither may have them.
    if (!java.util.Objects.equals(want, got)) {
      out.add("manifest counts: " + want + " vs " + got);
    }
    List<String> tables = tables(expected);
    if (!tables.equals(tables(actual))) {
      out.add("tables: " + tables + " vs " + tables(actual));
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : tables) {
        if (!Files.isDirectory(actual.resolve(table))) {
          continue;
        }
        String a = scan(expected.resolve(table));
        String b = scan(actual.resolve(table));
        List<List<String>> columnsA = DuckDb.strings(db, "DESCRIBE SELECT * FROM " + a);
        List<List<String>> columnsB = DuckDb.strings(db, "DESCRIBE SELECT * FROM " + b);
        if (!columnsA.equals(columnsB)) {
          out.add(table + ": columns " + columnsA + " vs " + columnsB);
          continue;
        }
        long rows = Long.parseLong(DuckDb.strings(db, "SELECT count(*) FROM " + a).get(0).get(0));
        List<List<String>> missing =
            DuckDb.strings(
                db, "SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + " LIMIT " + SHOWN);
        List<List<String>> extra =
            DuckDb.strings(
                db, "SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + " LIMIT " + SHOWN);
        if (!missing.isEmpty()) {
          out.add(table + ": rows of the expected snapshot the actual one lacks, e.g. " + missing);
        }
        if (!extra.isEmpty()) {
          out.add(table + ": rows of the actual snapshot the expected one lacks, e.g. " + extra);
        }
        if (progress != null) {
          progress.printf(
              "%-18s %,9d rows %s%n",
              table, rows, missing.isEmpty() && extra.isEmpty() ? "same" : "DIFFERENT");
        }
      }
    }
    return out;
  }

  /** The snapshot's tables: its folders holding Parquet files, in name order. */
  private static List<String> tables(Path snapshot) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(snapshot)) {
      for (Path child : children.sorted().toList()) {
        if (Files.isDirectory(child) && hasParquet(child)) {
          out.add(child.getFileName().toString());
        }
      }
    }
    return out;
  }

  private static boolean hasParquet(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** A table's rows, its partition folders (term_counts' grain=…) read back as columns. */
  private static String scan(Path table) {
    return "read_parquet('"
        + table.toString().replace("'", "''")
        + "/**/*.parquet', hive_partitioning = true)";
  }
}
