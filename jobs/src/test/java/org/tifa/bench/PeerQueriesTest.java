package org.tifa.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.SparkTest;
import org.tifa.ingest.ListInputs;
import org.tifa.reference.TifaConfig;

/**
 * The benchmark peers' queries on seven hand-written records ({@code
 * PeerQueriesTest/reports.jsonl}). Counted by hand:
 *
 * <ul>
 *   <li>bodies: a, b, c, d, g have one; e has none; f is a broken line (no JSON object) — 5.
 *   <li>phrases by region and month: a (city 聊城市, 2024-03): 两个确保, 三服务; b (no city or code; the
 *       text's first 两字+市 is 烟台市 — 东省烟 and 省烟台 are not followed by 市; 2024年3月 → 2024-03): 两个确保
 *       twice; c: no quotes; d (code 370200 given as a JSON number, 2024/4/2 → 2024-04): 三服务; e: no
 *       body; f: not read; g (聊城市, 2024-03): 两个确保. So (聊城市, 2024-03, 两个确保) = 2, (聊城市, 2024-03, 三服务)
 *       = 1, (烟台市, 2024-03, 两个确保) = 2, (370200, 2024-04, 三服务) = 1: 4 rows, 6 mentions.
 *   <li>Tifa's first pass alone: 7 records read (f too, as a broken line); accepted by the input
 *       contract a, b, c, d (a region code may be a JSON integer), g — 5; e lacks a body.
 * </ul>
 */
class PeerQueriesTest extends SparkTest {
  private static final String REPORTS =
      Path.of(
              System.getProperty("tifa.repo"),
              "jobs/src/test/resources/PeerQueriesTest/reports.jsonl")
          .toString();

  private static final TreeSet<String> EXPECTED_PHRASES =
      new TreeSet<>(
          List.of(
              "聊城市|2024-03|两个确保|2",
              "聊城市|2024-03|三服务|1",
              "烟台市|2024-03|两个确保|2",
              "370200|2024-04|三服务|1"));

  @TempDir Path out;

  @Test
  void floorCountsTheRecordsWithABody() {
    assertEquals(5, Floor.bodies(spark(), List.of(REPORTS)));
  }

  @Test
  void firstPassReadsEveryRecordAndAcceptsThoseTheContractAllows() throws InterruptedException {
    assertArrayEquals(
        new long[] {7, 5},
        FirstPassOnly.run(
            spark(),
            List.of(new ListInputs.InputFile(REPORTS, new java.io.File(REPORTS).length())),
            TifaConfig.defaults()));
  }

  @Test
  void naiveSparkCountsQuotedPhrasesByRegionAndMonth() {
    TreeSet<String> rows = new TreeSet<>();
    for (Row r : NaiveSpark.phrases(PeerInput.read(spark(), REPORTS)).collectAsList()) {
      rows.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getLong(3));
    }
    assertEquals(EXPECTED_PHRASES, rows);
  }

  @Test
  void duckDbWritesTheSameCountsToParquet() throws Exception {
    String parquet = out.resolve("phrases.parquet").toString();
    DuckDbPeer.run(REPORTS, parquet, 2, out.resolve("tmp").toString());
    TreeSet<String> rows = new TreeSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
      while (rs.next()) {
        rows.add(
            rs.getString("region")
                + "|"
                + rs.getString("month")
                + "|"
                + rs.getString("phrase")
                + "|"
                + rs.getLong("mentions"));
      }
    }
    assertEquals(EXPECTED_PHRASES, rows);
    assertEquals(
        List.of(4L, 6L), List.of(DuckDbPeer.summary(parquet)[0], DuckDbPeer.summary(parquet)[1]));
  }
}
