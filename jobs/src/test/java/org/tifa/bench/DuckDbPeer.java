package org.tifa.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.apache.spark.sql.types.StructField;

/**
 * The peer a user would pick instead of Spark: DuckDB (in process, over JDBC) running the nearest
 * SQL to Tifa's slogan count — every quoted phrase by region and month, as {@link NaiveSpark}
 * computes it — on a set number of threads, written to one Parquet file.
 *
 * <p>Usage: {@code DuckDbPeer THREADS TEMP_DIR OUTPUT_FILE INPUT_GLOB}, or {@code DuckDbPeer
 * --summary PARQUET} to print the row count and the sum of mentions of an output (either peer's),
 * so the benchmark can check the two agree.
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  /**
   * The COPY statement: read the files with the contract's columns, count phrases, write Parquet.
   */
  static String query(String inputGlob, String outputFile) {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    for (StructField f : PeerInput.schema().fields()) {
      columns.add(quote(f.name()) + ": 'VARCHAR'");
    }
    String body = PeerInput.BODY;
    String publishedAt = PeerInput.PUBLISHED_AT;
    return "COPY (SELECT "
        + PeerInput.REGION
        + ", "
        + PeerInput.MONTH
        + ", "
        + PeerInput.PHRASE
        + ", count(*) AS "
        + PeerInput.MENTIONS
        + " FROM (SELECT coalesce("
        + PeerInput.CITY
        + ", "
        + PeerInput.REGION_CODE
        + ", regexp_extract("
        + body
        + ", "
        + quote(PeerInput.CITY_PATTERN)
        + ", 1)) AS "
        + PeerInput.REGION
        + ", "
        + "regexp_extract("
        + publishedAt
        + ", "
        + quote(PeerInput.YEAR_PATTERN)
        + ", 1) || '-' || lpad(regexp_extract("
        + publishedAt
        + ", "
        + quote(PeerInput.MONTH_PATTERN)
        + ", 1), 2, '0') AS "
        + PeerInput.MONTH
        + ", "
        + "unnest(regexp_extract_all("
        + body
        + ", "
        + quote(PeerInput.PHRASE_PATTERN)
        + ", 1)) AS "
        + PeerInput.PHRASE
        + " FROM read_json("
        + quote(inputGlob)
        + ", format = 'newline_delimited', ignore_errors = true, columns = "
        + columns
        + "))"
        + " GROUP BY ALL) TO "
        + quote(outputFile)
        + " (FORMAT parquet)";
  }

  /** Runs {@link #query} on a fresh in-memory database limited to {@code threads} threads. */
  static void run(String inputGlob, String outputFile, int threads, String tempDir)
      throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads = " + threads);
      st.execute("SET temp_directory = " + quote(tempDir));
      st.execute(query(inputGlob, outputFile));
    }
  }

  /** Rows and total mentions of a peer's Parquet output (a file or a directory of part files). */
  static long[] summary(String parquet) throws SQLException {
    String glob = parquet.endsWith(".parquet") ? parquet : parquet + "/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), coalesce(sum("
                    + PeerInput.MENTIONS
                    + "), 0) FROM read_parquet("
                    + quote(glob)
                    + ")")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  static String version() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  public static void main(String[] args) throws SQLException {
    if (args.length == 2 && args[0].equals("--summary")) {
      long[] s = summary(args[1]);
      System.out.println("summary: " + s[0] + " rows, " + s[1] + " mentions");
    } else if (args.length == 4) {
      run(args[3], args[2], Integer.parseInt(args[0]), args[1]);
      System.out.println("duckdb " + version() + ": wrote " + args[2]);
    } else {
      System.err.println(
          "usage: DuckDbPeer THREADS TEMP_DIR OUTPUT_FILE INPUT_GLOB | DuckDbPeer --summary PARQUET");
      System.exit(2);
    }
  }
}
