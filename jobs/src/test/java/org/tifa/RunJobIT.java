package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Tables;
import org.tifa.testing.DuckDb;
import org.tifa.testing.PassageChecks;
import org.tifa.testing.Writers;

/**
 * The whole run job on a small hand-checked fixture ({@code RunJobIT/input}): every expected count
 * below was worked out by reading the fixture, not by running the job.
 */
class RunJobIT extends SparkTest {
  private static final ReferenceData REFERENCE = ReferenceData.bundled();
  @TempDir static Path work;
  static Path input;

  @BeforeAll
  static void prepareInput() throws IOException {
    input = work.resolve("input");
    Files.createDirectories(input);
    Path fixture =
        Path.of(System.getProperty("tifa.repo"), "jobs/src/test/resources/RunJobIT/input");
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path f : files.toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }
    // compressed.jsonl is kept as text in the repo and gzipped here.
    Path plain = input.resolve("compressed.jsonl");
    try (InputStream in = Files.newInputStream(plain);
        OutputStream out =
            new GZIPOutputStream(Files.newOutputStream(input.resolve("compressed.jsonl.gz")))) {
      in.transferTo(out);
    }
    Files.delete(plain);
    // reports.jsonl is read bzip2-compressed (line numbers are those of the decompressed text).
    Path reports = input.resolve("reports.jsonl");
    CompressionCodec bzip2 = ReflectionUtils.newInstance(BZip2Codec.class, new Configuration());
    try (InputStream in = Files.newInputStream(reports);
        OutputStream out =
            bzip2.createOutputStream(Files.newOutputStream(input.resolve("reports.jsonl.bz2")))) {
      in.transferTo(out);
    }
    Files.delete(reports);
    // Hostile records generated rather than stored: 5,000-deep nesting and a 10 MB body.
    String deep =
        "{\"id\":\"deep\",\"body\":\"b\",\"published_at\":\"2024\",\"x\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";
    String huge =
        "{\"id\":\"huge\",\"body\":\"" + "政".repeat(10_000_000) + "\",\"published_at\":\"2024\"}";
    Files.writeString(
        input.resolve("hostile.jsonl"), deep + "\n" + huge + "\n", StandardCharsets.UTF_8);
  }

  private RunJob.Result run(Path out, String snapshot, Runnable beforeCommit) throws Exception {
    TifaConfig config = TifaConfig.defaults();
    RunOptions options =
        RunOptions.parse(
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--snapshot",
            snapshot,
            "--max-quarantine-ratio",
            "0.6");
    List<ListInputs.InputFile> files =
        ListInputs.list(
            options.inputs(), config.extensions, spark().sparkContext().hadoopConfiguration());
    return new RunJob(
            options,
            config,
            REFERENCE,
            files,
            Writers.snapshot(out.toString(), snapshot),
            Instant.now(),
            beforeCommit)
        .run(spark());
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    return DuckDb.query(sql);
  }

  @Test
  void everyRecordIsAccountedForAndDuckDbReadsEveryTable() throws Exception {
    Path out = work.resolve("out-counts");
    RunJob.Result r = run(out, "s1", () -> {});

    // 13 records in reports.jsonl (bzip2), 2 in array.json, 2 gzipped, 1 invalid UTF-8, 2 hostile.
    assertEquals(20, r.counts().recordsRead());
    // lc-001/002/003 are one content: lc-003 (published earliest) is kept.
    assertEquals(2, r.counts().duplicates());
    assertEquals(11, r.counts().quarantined());
    assertEquals(7, r.counts().accepted());
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("bad_date", 1L);
    reasons.put("bad_type:title", 1L);
    reasons.put("empty_body", 1L);
    reasons.put("invalid_utf8", 1L);
    reasons.put("malformed_json", 2L);
    reasons.put("missing_body", 1L);
    reasons.put("missing_date", 1L);
    reasons.put("not_object", 1L);
    reasons.put("too_deep", 1L);
    reasons.put("too_large", 1L);
    assertEquals(reasons, r.counts().reasons());
    assertFalse(r.quarantineExceeded(), "11/20 = 0.55 is under the 0.6 allowed here");

    String snap = out.resolve("s1").toString();
    assertEquals("s1\n", Files.readString(out.resolve("LATEST")));
    Assertions.assertTrue(Files.exists(out.resolve("s1/_SUCCESS")));

    List<List<Object>> docs =
        query(
            "SELECT doc_id, source, date_precision, CAST(published_date AS VARCHAR), duplicate_count, duplicate_sources, "
                + "input_line, body_chars FROM read_parquet('"
                + snap
                + "/documents/*.parquet') ORDER BY doc_id");
    List<Object> ids = docs.stream().map(row -> row.get(0)).toList();
    assertEquals(7, ids.size());
    assertEquals(
        List.of("cd-001", "cd-002", "hz-001", "jn-001", "lc-003", "nat-001"), ids.subList(0, 6));
    Assertions.assertTrue(
        ids.get(6).toString().startsWith("sha256-"), "the record without id gets a content id");
    List<Object> lc003 = docs.get(4);
    assertEquals("人民政协网", lc003.get(1));
    assertEquals("2024-04-01", lc003.get(3));
    assertEquals(2, lc003.get(4));
    assertEquals(List.of("聊城日报", "齐鲁网"), lc003.get(5));
    assertEquals(4L, lc003.get(6), "line 4 of reports.jsonl");
    assertEquals("month", docs.get(2).get(2), "hz-001 is dated 2023-06");
    assertEquals("year", docs.get(5).get(2), "nat-001 is dated 1998");
    assertEquals("2024-02-29", docs.get(0).get(3), "cd-001: 10:00 +08:00 is the 29th as written");
    assertEquals(3L, docs.get(5).get(6), "nat-001's array element starts on line 3");

    List<List<Object>> quarantine =
        query(
            "SELECT reason, regexp_extract(input_file, '[^/]+$'), input_line, raw IS NOT NULL, raw_truncated, stage "
                + "FROM read_parquet('"
                + snap
                + "/quarantine/*.parquet') ORDER BY 2, 3");
    assertEquals(11, quarantine.size());
    assertEquals(
        List.of("too_deep", "hostile.jsonl", 1L, true, false, "ingest"), quarantine.get(0));
    assertEquals(
        List.of("too_large", "hostile.jsonl", 2L, true, true, "ingest"), quarantine.get(1));
    assertEquals(
        List.of("invalid_utf8", "invalid-utf8.jsonl", 1L, true, false, "ingest"),
        quarantine.get(2));
    assertEquals(
        List.of("malformed_json", "reports.jsonl.bz2", 6L, true, false, "ingest"),
        quarantine.get(3));
    assertEquals(
        List.of("bad_date", "reports.jsonl.bz2", 13L, true, false, "ingest"), quarantine.get(10));

    assertTermsCountedAsByHand(snap);
    assertMentionsAsByHand(snap);
    PassageChecks.assertTraceable(out.resolve("s1"));

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("s1/manifest.json").toFile());
    JsonNode counts = manifest.get("counts");
    assertEquals(20, counts.get("records_read").asLong());
    assertEquals(
        counts.get("records_read").asLong(),
        counts.get("accepted").asLong()
            + counts.get("duplicates").asLong()
            + counts.get("quarantined").asLong());
    assertEquals(2, counts.get("quarantine_reasons").get("malformed_json").asLong());
    assertEquals(5, manifest.get("inputs").get("file_count").asInt(), "README.txt is not an input");
    assertEquals(TifaConfig.defaults().sha256(), manifest.get("config_sha256").asText());
    assertEquals(Tables.SCHEMA_VERSION, manifest.get("schema_version").asInt());
  }

  /**
   * Slogans per document, read off the fixture with the lexicon (conf/slogans.yaml) at hand:
   * lexicon entries count quoted or not (新质生产力 is unquoted in jn-001), a slogan discovered in
   * quotes counts unquoted elsewhere (蓉易办: quoted in cd-001, unquoted in cd-002), and the longer
   * lexicon form 攻坚突破年 政协见行动 wins over 攻坚突破年. The national report nat-001 (1998) holds two lexicon
   * formulations, unquoted: 稳中求进工作总基调 and 完整准确全面贯彻新发展理念 (the lexicon writes it 完整、准确、全面贯彻新发展理念),
   * with 稳中求进 and 新发展理念 nested inside them.
   */
  private static void assertTermsCountedAsByHand(String snap) throws SQLException {
    List<List<Object>> slogans =
        query(
            "SELECT doc_id, slogans, region_code, region_level, region_method FROM read_parquet('"
                + snap
                + "/documents/*.parquet') ORDER BY doc_id");
    // The title and the body of cd-001 both name the lexicon slogan 营商环境.
    assertEquals(
        List.of("cd-001", List.of("营商环境", "蓉易办"), "510100", "prefecture", "text"), slogans.get(0));
    assertEquals(
        List.of("cd-002", List.of("天府粮仓", "蓉易办"), "510100", "prefecture", "text"), slogans.get(1));
    // 一流营商环境 is the lexicon's short form of 市场化、法治化、国际化营商环境; 营商环境 inside it
    // counts too.
    assertEquals(
        List.of(
            "hz-001", List.of("市场化法治化国际化营商环境", "最多跑一次", "营商环境"), "330100", "prefecture", "text"),
        slogans.get(2));
    // 发展新质生产力 is a lexicon slogan, and 新质生产力 inside it counts too.
    assertEquals(
        List.of("jn-001", List.of("发展新质生产力", "新质生产力", "高质量发展"), "370100", "prefecture", "given"),
        slogans.get(3));
    // 攻坚突破年 is a lexicon slogan inside 攻坚突破年 政协见行动: nested, it counts too.
    assertEquals(
        List.of(
            "lc-003",
            List.of("三亮", "十二项提升行动", "攻坚突破年", "攻坚突破年政协见行动"),
            "371500",
            "prefecture",
            "text"),
        slogans.get(4));
    assertEquals(
        List.of("nat-001", List.of("完整准确全面贯彻新发展理念", "新发展理念", "稳中求进", "稳中求进工作总基调"), "none"),
        List.of(slogans.get(5).get(0), slogans.get(5).get(1), slogans.get(5).get(4)));
    assertEquals(
        List.of(List.of("乡村振兴", "千万工程"), "371581", "county", "text"), slogans.get(6).subList(1, 5));

    List<List<Object>> yearly =
        query(
            "SELECT period, term_id, documents, mentions, region_documents FROM read_parquet('"
                + snap
                + "/term_counts/*/*.parquet', hive_partitioning = true) WHERE grain = 'year' AND region_level = 'country' "
                + "AND term_kind = 'slogan' ORDER BY period, term_id");
    List<List<Object>> expected =
        List.of(
            List.of("1998", "完整准确全面贯彻新发展理念", 1L, 1L, 1L),
            List.of("1998", "新发展理念", 1L, 1L, 1L),
            List.of("1998", "稳中求进", 1L, 1L, 1L),
            List.of("1998", "稳中求进工作总基调", 1L, 1L, 1L),
            List.of("2023", "乡村振兴", 1L, 1L, 2L),
            List.of("2023", "千万工程", 1L, 1L, 2L),
            List.of("2023", "市场化法治化国际化营商环境", 1L, 1L, 2L),
            List.of("2023", "最多跑一次", 1L, 2L, 2L),
            List.of("2023", "营商环境", 1L, 1L, 2L),
            List.of("2024", "三亮", 1L, 1L, 4L),
            List.of("2024", "十二项提升行动", 1L, 1L, 4L),
            List.of("2024", "发展新质生产力", 1L, 1L, 4L),
            List.of("2024", "天府粮仓", 1L, 2L, 4L),
            List.of("2024", "攻坚突破年", 1L, 2L, 4L),
            List.of("2024", "攻坚突破年政协见行动", 1L, 2L, 4L),
            List.of("2024", "新质生产力", 1L, 1L, 4L),
            List.of("2024", "营商环境", 1L, 2L, 4L),
            List.of("2024", "蓉易办", 2L, 2L, 4L),
            List.of("2024", "高质量发展", 1L, 1L, 4L));
    assertEquals(expected, yearly);

    List<List<Object>> county =
        query(
            "SELECT grain, period, region_name, province_name, region_documents FROM read_parquet('"
                + snap
                + "/term_counts/*/*.parquet', hive_partitioning = true) WHERE region_level = 'county' AND term_id = '千万工程' ORDER BY grain");
    assertEquals(
        List.of(
            List.of("month", "2023-12", "临清市", "山东省", 1L),
            List.of("quarter", "2023-Q4", "临清市", "山东省", 1L),
            List.of("year", "2023", "临清市", "山东省", 1L)),
        county);

    List<List<Object>> first =
        query(
            "SELECT documents, mentions, CAST(first_seen AS VARCHAR), first_region_code FROM read_parquet('"
                + snap
                + "/terms/*.parquet') WHERE term_id = '蓉易办'");
    assertEquals(List.of(List.of(2L, 2L, "2024-02-29", "510100")), first);

    assertEquals(
        List.of(List.of(3342L, 1L)),
        query(
            "SELECT count(*), count(*) FILTER (WHERE code = '000000') FROM read_parquet('"
                + snap
                + "/regions/*.parquet')"));
  }

  /**
   * 蓉易办's mentions, offsets counted by hand in each document's text (title, line break, body).
   * cd-001: the title 成都市召开营商环境大会 is 11 characters, so the body starts at 12; in the body
   * 四川省成都市召开优化营商环境大会，提出“蓉易办”品牌建设。 the quoted 蓉易办 stands at 20-23, so at 32-35, and its context is
   * the whole body (one sentence, 12-41). cd-002: the title 成都市政协视察“天府粮仓”建设 is 15 characters (body
   * at 16); 蓉易办 stands unquoted at body 34-37, so at 50-53.
   */
  private static void assertMentionsAsByHand(String snap) throws SQLException {
    assertEquals(
        List.of(
            List.of("cd-001", 32, 35, "蓉易办", true, "四川省成都市召开优化营商环境大会，提出“蓉易办”品牌建设。", 12, "510100"),
            List.of(
                "cd-002",
                50,
                53,
                "蓉易办",
                false,
                "成都市政协组织委员视察“天府粮仓”成都片区建设情况，并在政务大厅体验蓉易办平台。",
                16,
                "510100")),
        query(
            "SELECT doc_id, start, \"end\", surface, quoted, context, context_start, region_code FROM read_parquet('"
                + snap
                + "/mentions/*.parquet') WHERE term_id = '蓉易办' ORDER BY doc_id"));
    assertEquals(
        List.of(
            List.of("cd-001", 1, 1, 32, "2024-02-29"), List.of("cd-002", 1, 0, 50, "2024-03-01")),
        query(
            "SELECT doc_id, mentions, quoted_mentions, first_start, CAST(published_date AS VARCHAR) FROM read_parquet('"
                + snap
                + "/document_terms/*.parquet') WHERE term_id = '蓉易办' ORDER BY doc_id"));
    // 天府粮仓 in cd-002: quoted in the title (8-12) and in the body (12-16, so 28-32).
    assertEquals(
        List.of(List.of(8, true), List.of(28, true)),
        query(
            "SELECT start, quoted FROM read_parquet('"
                + snap
                + "/mentions/*.parquet') WHERE doc_id = 'cd-002' AND term_id = '天府粮仓' "
                + "ORDER BY start"));
  }

  @Test
  void aQuarantinedShareAboveTheLimitExits4AndStillCommits() throws Exception {
    Path out = work.resolve("out-ratio");
    // 11 of the fixture's 20 records are quarantined: 0.55 > 0.5.
    int code =
        Tifa.execute(
            "run",
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--snapshot",
            "q",
            "--max-quarantine-ratio",
            "0.5");
    assertEquals(Tifa.QUARANTINE_EXCEEDED, code);
    assertEquals("q\n", Files.readString(out.resolve("LATEST")));
    JsonNode quarantine =
        new ObjectMapper().readTree(out.resolve("q/manifest.json").toFile()).get("quarantine");
    assertEquals(0.55, quarantine.get("ratio").asDouble(), 1e-9);
    Assertions.assertTrue(quarantine.get("exceeded").asBoolean());
  }

  @Test
  void aRunThatFailsBeforeCommitLeavesEarlierSnapshotsAndLatestUntouched() throws Exception {
    Path out = work.resolve("out-atomic");
    run(out, "good", () -> {});
    long goodRows = spark().read().parquet(out.resolve("good/documents").toString()).count();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                run(
                    out,
                    "broken",
                    () -> {
                      throw new IllegalStateException("killed");
                    }));
    assertEquals("killed", e.getMessage());
    assertEquals("good\n", Files.readString(out.resolve("LATEST")));
    assertFalse(Files.exists(out.resolve("broken")));
    try (Stream<Path> entries = Files.list(out)) {
      List<String> visible =
          entries
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("_"))
              .sorted()
              .toList();
      assertEquals(List.of("LATEST", "good"), visible);
    }
    // Re-running "good" and failing must not damage the committed "good" either.
    assertThrows(
        IllegalStateException.class,
        () ->
            run(
                out,
                "good",
                () -> {
                  throw new IllegalStateException("killed");
                }));
    assertEquals(
        goodRows, spark().read().parquet(out.resolve("good/documents").toString()).count());
  }

  @Test
  void theSameSnapshotIdTwiceGivesIdenticalRowsWhateverThePartitioning() throws Exception {
    Path out = work.resolve("out-repeat");
    run(out, "same", () -> {});
    Path copy = work.resolve("first-copy");
    copyTree(out.resolve("same"), copy);

    String saved = spark().conf().get("spark.sql.shuffle.partitions");
    spark().conf().set("spark.sql.shuffle.partitions", "1");
    try {
      run(out, "same", () -> {});
    } finally {
      spark().conf().set("spark.sql.shuffle.partitions", saved);
    }
    for (String table : List.of(Tables.DOCUMENTS, Tables.QUARANTINE)) {
      Dataset<Row> first = spark().read().parquet(copy.resolve(table).toString());
      Dataset<Row> second = spark().read().parquet(out.resolve("same").resolve(table).toString());
      Assertions.assertTrue(first.count() > 0);
      assertDataFrameNoOrderEquals(first, second);
    }
  }

  /**
   * Input that once looped, hung or lost records, through the command line: a .bz2 file holding
   * plain text, a FIFO and a broken link named .jsonl, a link back up the tree, a JSON array
   * element over max_line_bytes, and the output root inside the input. Counted by hand: 2 good
   * lines, 2 array elements (one too large) and one row for each of the three unreadable entries.
   */
  @Test
  void inputFaultsAreEachAccountedForAndTheOutputInsideTheInputIsNotRead() throws Exception {
    Path in = Files.createDirectories(work.resolve("faults-root/faults"));
    Files.writeString(
        in.resolve("good.jsonl"),
        "{\"id\":\"f-1\",\"title\":\"成都市政协会议\",\"body\":\"四川省成都市政协召开常委会议，围绕营商环境建言。\",\"published_at\":\"2024-03-01\"}\n"
            + "{\"id\":\"f-2\",\"title\":\"杭州市数字经济\",\"body\":\"浙江省杭州市发布数字经济发展报告，推动产业升级。\",\"published_at\":\"2024-03-02\"}\n");
    Files.writeString(in.resolve("plain-text.jsonl.bz2"), "{\"id\":\"x\"}\n{\"id\":\"y\"}\n");
    assertEquals(
        0, new ProcessBuilder("mkfifo", in.resolve("pipe.jsonl").toString()).start().waitFor());
    Files.createSymbolicLink(in.resolve("gone.jsonl"), Path.of("missing.jsonl"));
    Files.createSymbolicLink(in.resolve("up"), Path.of(".."));
    Files.writeString(
        in.resolve("array.json"),
        "[{\"id\":\"f-3\",\"title\":\"济南市两会\",\"body\":\"山东省济南市人大会议闭幕，审议通过政府工作报告。\",\"published_at\":\"2024-03-03\"},\n"
            + " {\"id\":\"f-4\",\"body\":\""
            + "长".repeat(2000)
            + "\",\"published_at\":\"2024\"}]\n");
    Path conf =
        Files.writeString(work.resolve("faults-conf.yaml"), "input:\n  max_line_bytes: 1024\n");
    Path out = in.resolve("out");

    for (String snapshot : List.of("s1", "s2")) {
      int code =
          assertTimeoutPreemptively(
              java.time.Duration.ofMinutes(5),
              () ->
                  Tifa.execute(
                      "run",
                      "--input",
                      in.toString(),
                      "--output",
                      out.toString(),
                      "--conf",
                      conf.toString(),
                      "--snapshot",
                      snapshot,
                      "--max-quarantine-ratio",
                      "0.9"));
      assertEquals(Tifa.OK, code, snapshot);
      JsonNode manifest =
          new ObjectMapper().readTree(out.resolve(snapshot).resolve("manifest.json").toFile());
      JsonNode counts = manifest.get("counts");
      assertEquals(
          7,
          counts.get("records_read").asLong(),
          snapshot + ": the earlier snapshot is not read as input");
      assertEquals(3, counts.get("accepted").asLong());
      assertEquals(0, counts.get("duplicates").asLong());
      assertEquals(4, counts.get("quarantined").asLong());
      assertEquals(2, counts.get("quarantine_reasons").get("unreadable_file").asLong());
      assertEquals(1, counts.get("quarantine_reasons").get("not_regular_file").asLong());
      assertEquals(1, counts.get("quarantine_reasons").get("too_large").asLong());
      assertEquals(5, manifest.get("inputs").get("file_count").asInt());
    }
    List<List<Object>> rows =
        query(
            "SELECT reason, regexp_extract(input_file, '[^/]+$'), input_line, raw_truncated FROM read_parquet('"
                + out.resolve("s2/quarantine/*.parquet")
                + "') ORDER BY 2");
    assertEquals(
        List.of(
            List.of("too_large", "array.json", 2L, true),
            List.of("unreadable_file", "gone.jsonl", 1L, false),
            List.of("not_regular_file", "pipe.jsonl", 1L, false),
            List.of("unreadable_file", "plain-text.jsonl.bz2", 1L, false)),
        rows);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
