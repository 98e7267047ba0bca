package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.extract.DiscoverSlogans;
import org.tifa.ingest.ReadReports;
import org.tifa.normalize.NearDuplicates;
import org.tifa.normalize.NormalizeText;
import org.tifa.reference.TifaConfig;
import org.tifa.resolve.ResolveRegion;
import org.tifa.schema.Columns;

/**
 * {@link FirstPass} is an optimization of four stages applied in turn; those stages, each tested on
 * its own, are its specification. Over the sample corpus and records made to take every branch
 * (rejected at ingest, emptied by boilerplate removal, Traditional with pinyin, given region fields
 * in Traditional), both must give the same columns in the same order and the same rows.
 */
class FirstPassTest extends SparkTest {
  @TempDir Path dir;

  @Test
  void equalsTheStagesAppliedInTurnAndCallsOneFunctionPerRecord() throws IOException {
    Path edge = dir.resolve("edge.jsonl");
    Files.writeString(
        edge,
        String.join(
            "\n",
            "{\"id\":\"e1\",\"title\":\"聊城市政協(xié)召開會議\",\"body\":\"全國政協(xié)委員聚焦“攻堅突破年 政協見行動”。\\n責任編輯：張三\","
                + "\"published_at\":\"2024-03-19 07:49:03\",\"province\":\"山東\",\"city\":\"聊城\"}",
            "{\"id\":\"e2\",\"title\":\"只有页脚\",\"body\":\"责任编辑：张三\",\"published_at\":\"2024-03-19\"}",
            "{\"id\":\"e3\",\"title\":",
            "{\"id\":\"e4\",\"title\":\"无正文\",\"published_at\":\"2024\"}",
            "{\"id\":\"e5\",\"body\":\"临清市推进“十二项提升行动”，开展“三亮”活动。\",\"published_at\":\"2023-12-31\"}",
            ""),
        StandardCharsets.UTF_8);
    List<String> files = new ArrayList<>();
    try (Stream<Path> sample =
        Files.list(Path.of(System.getProperty("tifa.repo"), "data", "sample", "input"))) {
      sample.sorted().forEach(p -> files.add(p.toString()));
    }
    files.add(edge.toString());

    TifaConfig config = TifaConfig.defaults();
    ReferenceData reference = ReferenceData.bundled();
    NearDuplicates.Settings dedup = RunJob.dedupSettings(config);
    int raw = config.quarantineRawBytes;
    Dataset<Row> marked = ReadReports.marked(spark(), files, RunJob.readSettings(config));

    FirstPass.Tools tools = FirstPass.Tools.broadcast(jsc(), reference);
    Dataset<Row> stages =
        NearDuplicates.sign(
            DiscoverSlogans.quote(
                ResolveRegion.apply(
                    NormalizeText.mark(marked, tools.normalizer(), raw), tools.resolver()),
                tools.extractor()),
            dedup);
    Dataset<Row> fused = FirstPass.apply(marked, tools, dedup, raw);

    assertEquals(stages.schema(), fused.schema());
    assertDataFrameNoOrderEquals(stages, fused);

    // The comparison covers what it should: every branch is taken at least once.
    List<Row> e =
        fused
            .filter(col(Columns.INPUT_FILE).endsWith("edge.jsonl"))
            .orderBy(Columns.INPUT_LINE)
            .collectAsList();
    assertEquals(5, e.size());
    assertEquals(
        List.of("accepted", "empty_body", "malformed_json", "accepted"),
        List.of(reason(e.get(0)), reason(e.get(1)), reason(e.get(2)), reason(e.get(4))));
    assertTrue(
        e.get(0).<Integer>getAs(Columns.TRADITIONAL_CONVERTED) > 0
            && e.get(0).<Integer>getAs(Columns.PINYIN_REMOVED) > 0);
    assertEquals("371500", e.get(0).getAs(Columns.PREFECTURE_CODE));
    assertTrue(e.get(4).<Row>getList(e.get(4).fieldIndex(DiscoverSlogans.CANDIDATES)).size() >= 2);

    // One call of the function per record: Spark must not copy it into every column it feeds.
    String plan = fused.queryExecution().optimizedPlan().toString();
    assertEquals(1, plan.split(FirstPass.FUNCTION + "\\(", -1).length - 1, plan);
  }

  private static String reason(Row r) {
    return r.isNullAt(r.fieldIndex(Columns.REASON)) ? "accepted" : r.getAs(Columns.REASON);
  }
}
