package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Tables;
import org.tifa.testing.Cli;
import org.tifa.testing.Writers;

/**
 * {@code tifa passages} on three records whose offsets and sentences are counted by hand.
 *
 * <p>a (2024-03-01): text 聊城市推进新质生产力⏎山东省聊城市培育新质生产力。新质生产力成效明显。 — 新质生产力 at 5-10 in the title (its
 * sentence: the title), and in the body (which starts at 11) at body 8-13 and 14-19, so at 19-24
 * (sentence 山东省聊城市培育新质生产力。) and 25-30 (sentence 新质生产力成效明显。). b (2024-02-01): text
 * 成都市会议⏎四川省成都市因地制宜培育新质生产力。 — at body 12-17, so 18-23, in the whole body. c (2024-04-01) names no
 * term.
 */
class PassagesIT extends SparkTest {
  private static final ReferenceData REFERENCE = ReferenceData.bundled();
  @TempDir static Path work;
  static Path full;
  static Path oneContext;

  /** Both snapshots, made by the first test that needs them. */
  @BeforeEach
  void runTwoSnapshots() throws Exception {
    if (full != null) {
      return;
    }
    Path input = work.resolve("input");
    Files.createDirectories(input);
    Files.writeString(
        input.resolve("r.jsonl"),
        String.join(
                "\n",
                "{\"id\":\"a\",\"title\":\"聊城市推进新质生产力\",\"body\":\"山东省聊城市培育新质生产力。新质生产力成效明显。\",\"published_at\":\"2024-03-01\"}",
                "{\"id\":\"b\",\"title\":\"成都市会议\",\"body\":\"四川省成都市因地制宜培育新质生产力。\",\"published_at\":\"2024-02-01\"}",
                "{\"id\":\"c\",\"title\":\"济南市会议\",\"body\":\"山东省济南市召开会议。\",\"published_at\":\"2024-04-01\"}")
            + "\n",
        StandardCharsets.UTF_8);
    full = run(input, TifaConfig.defaults(), "full");
    String yaml = "output:\n  mention_contexts: 1\n";
    oneContext =
        run(
            input,
            TifaConfig.withOverrides(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"),
            "one");
  }

  private Path run(Path input, TifaConfig config, String snapshot) throws Exception {
    Path out = work.resolve("out-" + snapshot);
    RunOptions options =
        RunOptions.parse(
            "--input", input.toString(), "--output", out.toString(), "--snapshot", snapshot);
    List<ListInputs.InputFile> files =
        ListInputs.list(
            options.inputs(), config.extensions, spark().sparkContext().hadoopConfiguration());
    new RunJob(
            options,
            config,
            REFERENCE,
            files,
            Writers.snapshot(out.toString(), snapshot),
            Instant.now(),
            () -> {})
        .run(spark());
    return out.resolve(snapshot);
  }

  private static Cli.Outcome passages(String... args) {
    return Cli.command("passages", args);
  }

  private static final String ALL =
      String.join(
              "\n",
              "新质生产力 (slogan 新质生产力): 4 mention(s) selected, 4 shown",
              "2024-02-01  成都市  成都市会议",
              "    四川省成都市因地制宜培育【新质生产力】。",
              "2024-03-01  聊城市  聊城市推进新质生产力",
              "    聊城市推进【新质生产力】",
              "2024-03-01  聊城市  聊城市推进新质生产力",
              "    山东省聊城市培育【新质生产力】。",
              "2024-03-01  聊城市  聊城市推进新质生产力",
              "    【新质生产力】成效明显。")
          + "\n";

  @Test
  void printsEveryPassageEarliestFirstWithTheTermMarked() {
    Cli.Outcome o = passages("--snapshot", full.toString(), "--term", "新质生产力");
    assertEquals(0, o.code(), o.err());
    assertEquals(ALL, o.out());
  }

  @Test
  void passagesStoredWithoutAContextAreCutFromTheTextsAlike() {
    // With one context per document and term, a's second and third come from texts.
    Cli.Outcome o = passages("--snapshot", oneContext.toString(), "--term", "新质生产力");
    assertEquals(0, o.code(), o.err());
    assertEquals(ALL, o.out());
  }

  @Test
  void aTopicIsFoundByIdOrLabelAndAKeywordNamesItOnlyWhenNoTermIsCalledSo() {
    // 新质生产力 is also a keyword of the topic innovation (科技创新与新质生产力): by name it is the slogan.
    String heading = "科技创新与新质生产力 (topic innovation): 4 mention(s) selected, 4 shown";
    assertEquals(
        heading,
        passages("--snapshot", full.toString(), "--term", "innovation")
            .out()
            .lines()
            .findFirst()
            .orElse(""));
    assertEquals(
        heading,
        passages("--snapshot", full.toString(), "--term", "科技创新与新质生产力")
            .out()
            .lines()
            .findFirst()
            .orElse(""));
  }

  @Test
  void regionDatesAndLimitSelect() {
    // 370000 (Shandong) holds a (聊城市), not b (成都市).
    Cli.Outcome shandong =
        passages(
            "--snapshot", full.toString(), "--term", "新质生产力", "--region", "370000", "--limit", "2");
    assertEquals(
        List.of(
            "新质生产力 (slogan 新质生产力): 3 mention(s) selected, 2 shown",
            "2024-03-01  聊城市  聊城市推进新质生产力",
            "    聊城市推进【新质生产力】",
            "2024-03-01  聊城市  聊城市推进新质生产力",
            "    山东省聊城市培育【新质生产力】。"),
        shandong.out().lines().toList());
    Cli.Outcome february =
        passages(
            "--snapshot",
            full.toString(),
            "--term",
            "新质生产力",
            "--from",
            "2024-02-01",
            "--to",
            "2024-02-29");
    assertEquals(3, february.out().lines().count(), february.out());
    org.junit.jupiter.api.Assertions.assertTrue(february.out().contains("成都市会议"));
  }

  @Test
  void csvAndJsonGiveThePassageWithTheMarksOffsets() throws Exception {
    Cli.Outcome csv =
        passages(
            "--snapshot", full.toString(), "--term", "“新质生产力”", "--format", "csv", "--limit", "1");
    assertEquals(0, csv.code(), csv.err());
    assertEquals(
        List.of(
            "doc_id,published_date,region_code,region_name,title,term_kind,term_id,quoted,start,end,passage,mark_start,mark_end",
            "b,2024-02-01,510100,成都市,成都市会议,slogan,新质生产力,false,18,23,四川省成都市因地制宜培育新质生产力。,12,17"),
        csv.out().lines().toList());
    org.junit.jupiter.api.Assertions.assertTrue(
        csv.err().contains("4 mention(s) selected, 1 shown"), csv.err());

    Cli.Outcome json =
        passages(
            "--snapshot",
            full.toString(),
            "--term",
            "新质生产力",
            "--format",
            "json",
            "--region",
            "371500");
    List<String> lines = json.out().lines().toList();
    assertEquals(3, lines.size(), json.out());
    JsonNode last = new ObjectMapper().readTree(lines.get(2));
    assertEquals("a", last.get("doc_id").asText());
    assertEquals(25, last.get("start").asInt());
    assertEquals("新质生产力成效明显。", last.get("passage").asText());
    assertEquals(0, last.get("mark_start").asInt());
  }

  @Test
  void anUnknownTermOrRegionIsAUsageErrorAndASnapshotWithoutMentionsIsNoInput() throws Exception {
    Cli.Outcome term = passages("--snapshot", full.toString(), "--term", "新质");
    assertEquals(2, term.code(), term.err());
    assertEquals(1, term.err().strip().lines().count(), term.err());
    org.junit.jupiter.api.Assertions.assertTrue(
        term.err().contains("is no term of snapshot full; terms containing it: 新质生产力"), term.err());

    Cli.Outcome region =
        passages("--snapshot", full.toString(), "--term", "新质生产力", "--region", "999999");
    assertEquals(2, region.code(), region.err());

    Cli.Outcome date =
        passages("--snapshot", full.toString(), "--term", "新质生产力", "--from", "2024-13-01");
    assertEquals(2, date.code(), date.err());

    // A snapshot whose manifest lists no mentions table, as one written before it existed.
    Path old = work.resolve("old/s");
    Files.createDirectories(old);
    Files.writeString(old.resolve("_SUCCESS"), "");
    ObjectNode manifest =
        (ObjectNode) new ObjectMapper().readTree(full.resolve("manifest.json").toFile());
    ((ObjectNode) manifest.get("tables")).remove(Tables.MENTIONS);
    manifest.put("snapshot_id", "s");
    Files.writeString(old.resolve("manifest.json"), manifest.toString());
    Cli.Outcome before = passages("--snapshot", old.toString(), "--term", "新质生产力");
    assertEquals(3, before.code(), before.err());
    org.junit.jupiter.api.Assertions.assertTrue(
        before.err().contains("has no mentions table"), before.err());
  }
}
