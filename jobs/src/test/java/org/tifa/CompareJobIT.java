package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Tables;
import org.tifa.testing.Cli;
import org.tifa.testing.Cli.Outcome;
import org.tifa.testing.DuckDb;
import org.tifa.testing.Writers;

/**
 * {@code tifa compare} end to end: real snapshots made by {@link RunJob}, compared through the
 * command line, read back with DuckDB.
 *
 * <p>The golden fixture ({@code CompareJobIT/base.jsonl}, {@code target.jsonl}) uses five lexicon
 * slogans, A 中国式现代化, B 两个确立, C 四个自信, D 中国梦, E 两个维护, in documents whose region is given (济南 370100
 * and 聊城 371500 in 山东 370000, 杭州 330100 in 浙江 330000, 成都 510100 in 四川 510000). Base: first quarter
 * of 2024; target: second quarter. Documents per slogan, counted by reading the files:
 *
 * <pre>
 *              base                              target
 *   济南   10 docs: A 1 (j01), B 9 (j01-j09),    10 docs: A 9 (t01-t09; t01 says it twice),
 *          C 1 (j01), D 3 (j01-j03), E 0         B 1 (t01), C 2 (t01,t02), D 5 (t01-t05), E 2 (t01,t02)
 *          (j10 mentions nothing: still counted)  (t10 mentions nothing)
 *   杭州    4 docs: A 2 (h01,h02), C 4           4 docs: C 4 (k01-k04)
 *   聊城    2 docs: D 2                           none
 *   成都    none                                  3 docs: B 3 (c01, c02, and c03 dated only 2024-04)
 * </pre>
 *
 * z = (x2/n2 − x1/n1) / sqrt(p(1−p)(1/n1+1/n2)), p = (x1+x2)/(n1+n2), worked out by hand in the
 * comments below; status up/down when the two-sided p-value is below 0.05, i.e. |z| > 1.960.
 */
class CompareJobIT extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE =
      Path.of(System.getProperty("tifa.repo"), "jobs/src/test/resources/CompareJobIT");
  private static final Path SAMPLE = Path.of(System.getProperty("tifa.repo"), "data/sample/input");

  @TempDir static Path work;
  private static boolean snapshotsMade;

  /** The fixture's two snapshots, made once for the class; the target with a changed setting. */
  @BeforeEach
  void makeSnapshots() throws Exception {
    if (snapshotsMade) {
      return;
    }
    Path conf = work.resolve("target-conf.yaml");
    Files.writeString(conf, "run:\n  summary_top: 5\n");
    run(FIXTURE.resolve("base.jsonl"), work.resolve("base-root"), "base", null);
    run(FIXTURE.resolve("target.jsonl"), work.resolve("target-root"), "target", conf);
    snapshotsMade = true;
  }

  private static final ReferenceData REFERENCE = ReferenceData.bundled();

  private void run(Path input, Path out, String id, Path conf) throws Exception {
    TifaConfig config =
        conf == null
            ? TifaConfig.defaults()
            : TifaConfig.withOverrides(
                new ByteArrayInputStream(Files.readAllBytes(conf)), conf.toString());
    RunOptions options =
        conf == null
            ? RunOptions.parse(
                "--input", input.toString(), "--output", out.toString(), "--snapshot", id)
            : RunOptions.parse(
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--snapshot",
                id,
                "--conf",
                conf.toString());
    List<ListInputs.InputFile> files =
        ListInputs.list(
            options.inputs(), config.extensions, spark().sparkContext().hadoopConfiguration());
    new RunJob(
            options,
            config,
            REFERENCE,
            files,
            Writers.snapshot(out.toString(), id),
            Instant.now(),
            () -> {})
        .run(spark());
  }

  private static Outcome compare(String... args) {
    return Cli.command("compare", args);
  }

  private static String parquet(Path comparison, String table) {
    return "read_parquet('" + comparison.resolve(table) + "/*.parquet')";
  }

  @Test
  void everyStatusTheSignificanceOrderAndTheDiffusionAreAsCountedByHand() throws Exception {
    Path out = work.resolve("golden");
    // The base as a snapshot root (its LATEST names "base"), the target as a LATEST file.
    Outcome o =
        compare(
            "--base",
            work.resolve("base-root").toString(),
            "--target",
            work.resolve("target-root/LATEST").toString(),
            "--output",
            out.toString());
    assertEquals(Tifa.OK, o.code(), o.out() + o.err());
    Path cmp = out.resolve("base..target");
    assertEquals("base..target\n", Files.readString(out.resolve("LATEST")));
    Assertions.assertTrue(Files.exists(cmp.resolve("_SUCCESS")));

    assertEquals(
        List.of(),
        DuckDb.query(
            "SELECT doc_id, topics FROM read_parquet('"
                + work.resolve("base-root/base/documents")
                + "/*.parquet') WHERE len(topics) > 0"),
        "the fixture mentions no topic: every count below is a slogan's");

    String columns =
        "region_code, term_id, base_mentions, target_mentions, base_documents, target_documents, base_region_documents, "
            + "target_region_documents, round(z_score, 4), status";
    List<List<Object>> rows =
        DuckDb.query(
            "SELECT "
                + columns
                + " FROM "
                + parquet(cmp, Tables.TERM_CHANGES)
                + " ORDER BY region_level, region_code, term_id");
    String a = "中国式现代化", b = "两个确立", c = "四个自信", d = "中国梦", e = "两个维护";
    List<List<Object>> expected =
        List.of(
            // Country: base 16 documents (10+4+2), target 17 (10+4+3).
            // A 3→9: p1 .1875, p2 .5294, pooled 12/33, var .23140×(1/16+1/17)=.028075, z 2.0406 (p
            // .041): up.
            row("000000", a, 3, 10, 3, 9, 16, 17, 2.0406, "up"),
            // B 9→4: p1 .5625, p2 .2353, pooled 13/33, var .028966, z −1.9225 (p .055): not
            // significant.
            row("000000", b, 9, 4, 9, 4, 16, 17, -1.9225, "same"),
            // C 5→6: pooled 11/33, z .2463. D 5→5: pooled 10/33, z −.1148.
            row("000000", c, 5, 6, 5, 6, 16, 17, 0.2463, "same"),
            row("000000", d, 5, 5, 5, 5, 16, 17, -0.1148, "same"),
            // E 0→2: new; pooled 2/33, var .056933×.121324, z 1.4156.
            row("000000", e, 0, 2, 0, 2, 16, 17, 1.4156, "new"),
            // Prefectures. 杭州 4 and 4: A 2→0 gone (pooled .25, var .1875×.5, z −1.6330); C 4→4,
            // pooled 1: z 0.
            row("330100", a, 2, 0, 2, 0, 4, 4, -1.6330, "gone"),
            row("330100", c, 4, 4, 4, 4, 4, 4, 0.0, "same"),
            // 济南 10 and 10: A 1→9 (pooled .5, var .05, z 3.5777) up; B 9→1 down; C 1→2 (pooled .15,
            // var .0255, z .6262) and D 3→5 (pooled .4, var .048, z .9129) same; E 0→2 (pooled .1,
            // var .018, z 1.4907) new.
            row("370100", a, 1, 10, 1, 9, 10, 10, 3.5777, "up"),
            row("370100", b, 9, 1, 9, 1, 10, 10, -3.5777, "down"),
            row("370100", c, 1, 2, 1, 2, 10, 10, 0.6262, "same"),
            row("370100", d, 3, 5, 3, 5, 10, 10, 0.9129, "same"),
            row("370100", e, 0, 2, 0, 2, 10, 10, 1.4907, "new"),
            // 聊城 has no target document, 成都 no base document: nothing to test against.
            row("371500", d, 2, 0, 2, 0, 2, 0, null, "gone"),
            row("510100", b, 0, 3, 0, 3, 0, 3, null, "new"),
            // Provinces. 浙江 = 杭州.
            row("330000", a, 2, 0, 2, 0, 4, 4, -1.6330, "gone"),
            row("330000", c, 4, 4, 4, 4, 4, 4, 0.0, "same"),
            // 山东 = 济南 + 聊城: 12 and 10 documents. A 1→9: pooled 10/22, var .24793×(1/12+1/10)
            // =.045455, z 3.8305; B 9→1: z −3.0488; C 1→2: pooled 3/22, var .021591, z .7940;
            // D 5→5: z .3909; E 0→2 new, pooled 2/22, var .082645×.183333, z 1.6248.
            row("370000", a, 1, 10, 1, 9, 12, 10, 3.8305, "up"),
            row("370000", b, 9, 1, 9, 1, 12, 10, -3.0488, "down"),
            row("370000", c, 1, 2, 1, 2, 12, 10, 0.7940, "same"),
            row("370000", d, 5, 5, 5, 5, 12, 10, 0.3909, "same"),
            row("370000", e, 0, 2, 0, 2, 12, 10, 1.6248, "new"),
            row("510000", b, 0, 3, 0, 3, 0, 3, null, "new"));
    assertEquals(sortedLikeTheQuery(expected), rows);

    // The significance order: in 济南, C doubled its share (1→2 of 10, +100%) and D rose by two
    // thirds (3→5, +67%), yet D's change is the surer one and ranks first.
    List<List<Object>> ranked =
        DuckDb.query(
            "SELECT term_id, round(share_change_relative, 4) FROM "
                + parquet(cmp, Tables.TERM_CHANGES)
                + " WHERE region_code = '370100' AND status = 'same' AND base_share > 0 ORDER BY z_score DESC");
    assertEquals(List.of(List.of(d, 0.6667), List.of(c, 1.0)), ranked);

    List<List<Object>> diffusion =
        DuckDb.query(
            "SELECT term_id, region_code, CAST(first_seen AS VARCHAR), first_doc_id, documents, appearance_rank, days_since_first, "
                + "term_regions FROM "
                + parquet(cmp, Tables.TERM_DIFFUSION)
                + " ORDER BY term_id, appearance_rank, region_code");
    assertEquals(
        sortedByTermThenRank(
            List.of(
                List.of(a, "370100", "2024-04-10", "t01", 9L, 1, 0, 1L),
                // B: 济南 (t01) and 成都 (c01) both on 2024-04-10 share rank 1. c03 is dated only
                // 2024-04: it neither makes 成都 first (as 2024-04-01 would) nor counts.
                List.of(b, "370100", "2024-04-10", "t01", 1L, 1, 0, 2L),
                List.of(b, "510100", "2024-04-10", "c01", 2L, 1, 0, 2L),
                // C: 杭州 on 04-05 (k01), 济南 five days later (t01).
                List.of(c, "330100", "2024-04-05", "k01", 4L, 1, 0, 2L),
                List.of(c, "370100", "2024-04-10", "t01", 2L, 2, 5, 2L),
                List.of(d, "370100", "2024-04-10", "t01", 5L, 1, 0, 1L),
                List.of(e, "370100", "2024-04-10", "t01", 2L, 1, 0, 1L))),
        diffusion);

    // Target shares: 济南 A .9, B .1, C .2, D .5, E .2 (norm sqrt(1.15) = 1.07238); 杭州 C 1.0;
    // 成都 B 1.0 (all three documents: every precision counts here). cos(济南, 杭州) = .2/1.07238
    // = .1865, cos(济南, 成都) = .1/1.07238 = .0933; 杭州 and 成都 share nothing.
    List<List<Object>> similar =
        DuckDb.query(
            "SELECT region_code, similar_region_code, rank, round(similarity, 4), round(slogan_similarity, 4), topic_similarity, "
                + "shared_terms, region_documents, similar_region_documents FROM "
                + parquet(cmp, Tables.REGION_SIMILARITY)
                + " ORDER BY region_code, rank");
    assertEquals(
        List.of(
            List.of("330100", "370100", 1, 0.1865, 0.1865, "null", 1L, 4L, 10L),
            List.of("370100", "330100", 1, 0.1865, 0.1865, "null", 1L, 10L, 4L),
            List.of("370100", "510100", 2, 0.0933, 0.0933, "null", 1L, 10L, 3L),
            List.of("510100", "370100", 1, 0.0933, 0.0933, "null", 1L, 3L, 10L)),
        nullsAsText(similar));

    JsonNode manifest = JSON.readTree(cmp.resolve("manifest.json").toFile());
    assertEquals("base..target", manifest.get("compare_id").asText());
    assertEquals("base", manifest.get("base").get("snapshot_id").asText());
    assertEquals(
        work.resolve("base-root/base").toString(), manifest.get("base").get("path").asText());
    Assertions.assertTrue(manifest.get("config_differs").asBoolean());
    assertEquals(List.of("run.summary_top"), strings(manifest.get("config_differences")));
    assertEquals(22, manifest.get("tables").get(Tables.TERM_CHANGES).asInt());
    assertEquals(7, manifest.get("tables").get(Tables.TERM_DIFFUSION).asInt());
    assertEquals(4, manifest.get("tables").get(Tables.REGION_SIMILARITY).asInt());
    // Statuses over the 22 rows above: new 5, gone 3, up 3, down 2, same 9.
    assertEquals(
        "{\"new\":5,\"gone\":3,\"up\":3,\"down\":2,\"same\":9}",
        manifest.get("statuses").toString());
    assertRequiredKeys(manifest);

    Assertions.assertTrue(
        o.out()
            .contains(
                "NOTE: the two snapshots were made with different configurations: run.summary_top"),
        o.out());
    Assertions.assertTrue(
        o.out()
            .matches(
                "(?s).*risers\\s*\\n\\s+中国式现代化\\s+济南市\\s+1/10 → 9/10 documents, z \\+3\\.58\\n.*"),
        o.out());
    Assertions.assertTrue(
        o.out()
            .matches(
                "(?s).*fallers\\s*\\n\\s+两个确立\\s+济南市\\s+9/10 → 1/10 documents, z -3\\.58\\n.*"),
        o.out());
  }

  @Test
  void aSnapshotComparedWithItselfIsTheSameEverywhere() throws Exception {
    Path out = work.resolve("self");
    Outcome o =
        compare(
            "--base",
            work.resolve("base-root/base").toString(),
            "--target",
            work.resolve("base-root").toString(),
            "--output",
            out.toString(),
            "--level",
            "county",
            "--id",
            "self");
    assertEquals(Tifa.OK, o.code(), o.out() + o.err());
    // The base's rows: 济南 A B C D, 杭州 A C, 聊城 D (7); 山东 A B C D, 浙江 A C (6); country A B C D (4);
    // no county (every region was given as a prefecture).
    assertEquals(
        List.of(List.of("same", 17L, 0L, 17L)),
        DuckDb.query(
            "SELECT status, count(*), count(*) FILTER (WHERE z_score <> 0 OR share_change <> 0), "
                + "count(*) FILTER (WHERE base_documents = target_documents AND base_region_documents = target_region_documents) FROM "
                + parquet(out.resolve("self"), Tables.TERM_CHANGES)
                + " GROUP BY status"));
    JsonNode manifest = JSON.readTree(out.resolve("self/manifest.json").toFile());
    assertFalse(manifest.get("config_differs").asBoolean());
    assertEquals(List.of(), strings(manifest.get("config_differences")));
    assertFalse(o.out().contains("NOTE"), o.out());
  }

  @Test
  void quartersThatDoNotOverlapShareNoPeriod() throws Exception {
    Path out = work.resolve("quarters");
    Outcome o =
        compare(
            "--base",
            work.resolve("base-root").toString(),
            "--target",
            work.resolve("target-root").toString(),
            "--output",
            out.toString(),
            "--grain",
            "quarter");
    assertEquals(Tifa.OK, o.code(), o.out() + o.err());
    // Every base row (the 17 of the self-comparison, all in 2024-Q1) is gone; every target row is
    // new: 济南 A-E, 杭州 C, 成都 B (c03's month date is enough for a quarter) = 7, 山东 A-E, 浙江 C,
    // 四川 B = 7, country A-E = 5: 19.
    assertEquals(
        List.of(List.of("2024-Q1", "gone", 17L), List.of("2024-Q2", "new", 19L)),
        DuckDb.query(
            "SELECT period, status, count(*) FROM "
                + parquet(out.resolve("base..target"), Tables.TERM_CHANGES)
                + " GROUP BY ALL ORDER BY period"));
  }

  private static List<Object> row(
      String code,
      String term,
      long bm,
      long tm,
      long bd,
      long td,
      long bn,
      long tn,
      Double z,
      String status) {
    List<Object> r = new ArrayList<>(List.of(code, term, bm, tm, bd, td, bn, tn));
    r.add(z);
    r.add(status);
    return r;
  }

  /**
   * The expected rows in the query's order: region level (country, prefecture, province), code,
   * term id.
   */
  private static List<List<Object>> sortedLikeTheQuery(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        java.util.Comparator.<List<Object>, String>comparing(r -> level((String) r.get(0)))
            .thenComparing(r -> (String) r.get(0))
            .thenComparing(r -> (String) r.get(1)));
    return sorted;
  }

  private static List<List<Object>> sortedByTermThenRank(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        java.util.Comparator.<List<Object>, String>comparing(r -> (String) r.get(0))
            .thenComparing(r -> (Integer) r.get(5))
            .thenComparing(r -> (String) r.get(1)));
    return sorted;
  }

  private static String level(String code) {
    return code.equals("000000") ? "country" : code.endsWith("0000") ? "province" : "prefecture";
  }

  private static List<List<Object>> nullsAsText(List<List<Object>> rows) {
    return rows.stream()
        .map(r -> r.stream().map(v -> v == null ? (Object) "null" : v).toList())
        .toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The manifest has every key schemas/compare_manifest.schema.json requires, nested ones too. */
  private static void assertRequiredKeys(JsonNode manifest) throws IOException {
    JsonNode schema =
        JSON.readTree(
            Path.of(System.getProperty("tifa.repo"), "schemas/compare_manifest.schema.json")
                .toFile());
    schema
        .get("required")
        .forEach(k -> Assertions.assertTrue(manifest.has(k.asText()), "manifest has " + k));
    for (String side : List.of("base", "target")) {
      schema
          .get("$defs")
          .get("snapshot")
          .get("required")
          .forEach(
              k -> Assertions.assertTrue(manifest.get(side).has(k.asText()), side + " has " + k));
    }
    schema
        .get("properties")
        .get("options")
        .get("required")
        .forEach(k -> Assertions.assertTrue(manifest.get("options").has(k.asText())));
    schema
        .get("properties")
        .get("statuses")
        .get("required")
        .forEach(k -> Assertions.assertTrue(manifest.get("statuses").has(k.asText())));
  }

  @Test
  void theSampleSplitByYearComparesAndTheReadmeQueriesAnswer() throws Exception {
    Path a = work.resolve("sample-2023");
    Path b = work.resolve("sample-2024");
    run(SAMPLE.resolve("news_2023.jsonl"), a, "news2023", null);
    run(SAMPLE.resolve("news_2024.jsonl"), b, "news2024", null);
    Path out = work.resolve("sample-compare");
    Outcome o =
        compare("--base", a.toString(), "--target", b.toString(), "--output", out.toString());
    assertEquals(Tifa.OK, o.code(), o.out() + o.err());
    Path cmp = out.resolve("news2023..news2024");

    // Denominators come from the documents tables: for every row, each side's region_documents is
    // that side's document count in the region (DuckDB recounts them from documents).
    String recount =
        "WITH docs AS (SELECT * FROM read_parquet('%s/documents/*.parquet')), "
            + "placed AS (SELECT 'country' AS level, '000000' AS code FROM docs "
            + "UNION ALL SELECT 'province', province_code FROM docs WHERE province_code IS NOT NULL "
            + "UNION ALL SELECT 'prefecture', prefecture_code FROM docs WHERE prefecture_code IS NOT NULL), "
            + "n AS (SELECT level, code, count(*) AS n FROM placed GROUP BY ALL) "
            + "SELECT count(*) FILTER (WHERE coalesce(n.n, 0) <> c.%s_region_documents), count(*) FROM "
            + parquet(cmp, Tables.TERM_CHANGES)
            + " c LEFT JOIN n ON n.level = c.region_level AND n.code = c.region_code";
    for (String[] side :
        List.of(
            new String[] {"base", a.resolve("news2023").toString()},
            new String[] {"target", b.resolve("news2024").toString()})) {
      List<Object> r = DuckDb.query(String.format(recount, side[1], side[0])).get(0);
      assertEquals(
          0L, r.get(0), side[0] + " region_documents that differ from the documents table");
      Assertions.assertTrue((Long) r.get(1) > 100, "rows compared: " + r.get(1));
    }
    // Numerators: the target documents of every target row are the year rows of its term_counts
    // summed.
    assertEquals(
        List.of(List.of(0L)),
        DuckDb.query(
            "WITH t AS (SELECT region_level, region_code, term_kind, term_id, sum(documents) AS d FROM read_parquet('"
                + b.resolve("news2024")
                + "/term_counts/*/*.parquet', hive_partitioning = true) WHERE grain = 'year' AND region_level IN "
                + "('country', 'province', 'prefecture') GROUP BY ALL) SELECT count(*) FROM "
                + parquet(cmp, Tables.TERM_CHANGES)
                + " c FULL JOIN t USING (region_level, region_code, term_kind, term_id) WHERE coalesce(c.target_documents, 0) <> coalesce(t.d, 0)"));
    // The statuses follow their definitions on every row.
    assertEquals(
        List.of(List.of(0L)),
        DuckDb.query(
            "SELECT count(*) FROM "
                + parquet(cmp, Tables.TERM_CHANGES)
                + " WHERE status <> CASE "
                + "WHEN base_documents = 0 THEN 'new' WHEN target_documents = 0 THEN 'gone' "
                + "WHEN p_value < 0.05 AND z_score > 0 THEN 'up' WHEN p_value < 0.05 THEN 'down' ELSE 'same' END"));
    Assertions.assertTrue(o.out().contains("prefecture"), o.out());

    assertReadmeQueriesAnswer(out, "news2023..news2024");
  }

  /**
   * Every SQL statement of the README's tifa compare section runs on the comparison and answers.
   */
  private static void assertReadmeQueriesAnswer(Path root, String compareId)
      throws IOException, SQLException {
    String readme = Files.readString(Path.of(System.getProperty("tifa.repo"), "docs/commands.md"));
    String section = readme.substring(readme.indexOf("## `tifa compare`"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    Matcher blocks = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(section);
    int statements = 0;
    while (blocks.find()) {
      for (String sql :
          blocks
              .group(1)
              .replace("tifa-compare/<compare_id>", root.resolve(compareId).toString())
              .split(";")) {
        if (sql.replaceAll("(?m)^--.*$", "").isBlank()) {
          continue;
        }
        statements++;
        Assertions.assertFalse(DuckDb.query(sql).isEmpty(), "no rows from README query:\n" + sql);
      }
    }
    Assertions.assertTrue(
        statements >= 2, "README's tifa compare section has its DuckDB queries: " + statements);
  }
}
