package org.tifa.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.ReferenceData;
import org.tifa.RunJob;
import org.tifa.SparkTest;
import org.tifa.extract.DiscoverSlogans;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.ingest.ReadReports;
import org.tifa.normalize.NearDuplicates;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Columns;

/**
 * The per-document pass over records read as the run reads them: every record kept, rejected ones
 * with their marks, one record emptied by normalization marked, the analysis spread into the
 * documented columns, one function call per record.
 */
class AnalyzeDocumentsTest extends SparkTest {
  @TempDir Path dir;

  private Dataset<Row> analyzed(String... lines) throws IOException {
    Path input = dir.resolve("input.jsonl");
    Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    TifaConfig config = TifaConfig.defaults();
    Dataset<Row> marked =
        ReadReports.marked(
            spark(),
            List.of(new InputFile(input.toString(), Files.size(input))),
            RunJob.readSettings(config));
    return AnalyzeDocuments.apply(
        marked.repartition(2),
        jsc().broadcast(ReferenceData.bundled().documentAnalyzer(RunJob.dedupSettings(config))),
        100);
  }

  @Test
  void everyRecordIsAnalyzedOrKeepsItsMark() throws IOException {
    Dataset<Row> out =
        analyzed(
            "{\"id\":\"e1\",\"title\":\"聊城市政協(xié)召開會議\",\"body\":\"全國政協(xié)委員聚焦“攻堅突破年 政協見行動”。\\n責任編輯：張三\","
                + "\"published_at\":\"2024-03-19 07:49:03\",\"province\":\"山東\",\"city\":\"聊城\"}",
            "{\"id\":\"e2\",\"title\":\"只有页脚\",\"body\":\"责任编辑：张三\",\"published_at\":\"2024-03-19\"}",
            "{\"id\":\"e3\",\"title\":",
            "{\"id\":\"e4\",\"title\":\"无正文\",\"published_at\":\"2024\"}",
            "{\"id\":\"e5\",\"body\":\"临清市推进“十二项提升行动”，开展“三亮”活动。\",\"published_at\":\"2023-12-31\"}");

    List<Row> e = out.orderBy(Columns.INPUT_LINE).collectAsList();
    assertEquals(5, e.size());
    assertEquals(
        List.of("accepted", "empty_body", "malformed_json", "accepted"),
        List.of(reason(e.get(0)), reason(e.get(1)), reason(e.get(2)), reason(e.get(4))));
    // The emptied record: normalization's stage, why, and its raw body as the raw text.
    assertEquals(
        "normalize|nothing left after removing boilerplate lines|责任编辑：张三|false",
        e.get(1).getAs(Columns.STAGE)
            + "|"
            + e.get(1).getAs(Columns.DETAIL)
            + "|"
            + e.get(1).getAs(Columns.RAW)
            + "|"
            + e.get(1).getAs(Columns.RAW_TRUNCATED));
    Row e1 = e.get(0);
    assertEquals(
        List.of("聊城市政协召开会议", "全国政协委员聚焦“攻坚突破年 政协见行动”。", "山东", "聊城", 22, 2, "371500"),
        List.of(
            e1.getAs(Columns.TITLE),
            e1.getAs(Columns.BODY),
            e1.getAs(Columns.GIVEN_PROVINCE),
            e1.getAs(Columns.GIVEN_CITY),
            e1.getAs(Columns.BODY_CHARS),
            e1.getAs(Columns.PINYIN_REMOVED),
            e1.getAs(Columns.PREFECTURE_CODE)));
    assertEquals(
        List.of("十二项提升行动", "三亮"),
        e.get(4).getList(e.get(4).fieldIndex(DiscoverSlogans.CANDIDATES)).stream()
            .map(c -> ((Row) c).getString(0))
            .toList());
    assertTrue(!e1.getList(e1.fieldIndex(NearDuplicates.SIGNATURE)).isEmpty());
    assertTrue(!e1.getList(e1.fieldIndex(NearDuplicates.BANDS)).isEmpty());
    assertTrue(!List.of(out.columns()).contains(Columns.BODY_RAW));

    // One call of the function per record: Spark must not copy it into every column it feeds.
    String plan = out.queryExecution().optimizedPlan().toString();
    assertEquals(1, plan.split(AnalyzeDocuments.FUNCTION + "\\(", -1).length - 1, plan);
  }

  @Test
  void copiesInTraditionalAndSimplifiedShareOneContentHash() throws IOException {
    List<Row> rows =
        analyzed(
                "{\"id\":\"t\",\"title\":\"攻堅(jiān)突破年 政協(xié)見行動\",\"body\":\"來源：聊城日報\\n山東省聊城市政協召開推進會。\",\"published_at\":\"2024-03-19\"}",
                "{\"id\":\"s\",\"title\":\"攻坚突破年 政协见行动\",\"body\":\"山东省聊城市政协召开推进会。\",\"source\":\"聊城日报\",\"published_at\":\"2024-03-19\"}")
            .orderBy(Columns.DOC_ID)
            .select(Columns.DOC_ID, Columns.SOURCE, Columns.CONTENT_HASH)
            .collectAsList();
    // By hand: the 来源 line of t becomes its source, and its text reads exactly as s.
    assertEquals(List.of("s", "聊城日报"), List.of(rows.get(0).getString(0), rows.get(0).getString(1)));
    assertEquals(List.of("t", "聊城日报"), List.of(rows.get(1).getString(0), rows.get(1).getString(1)));
    assertEquals(rows.get(0).getString(2), rows.get(1).getString(2));
  }

  @Test
  void theRegionColumnsSayWhereAndHow() throws IOException {
    List<Row> rows =
        analyzed(
                "{\"id\":\"given\",\"title\":\"会议\",\"body\":\"正文\",\"region_code\":\"370100\",\"published_at\":\"2024\"}",
                "{\"id\":\"overruled\",\"title\":\"呼伦贝尔市政协召开全会\",\"body\":\"会议审议了工作报告。\",\"province\":\"内蒙古自治区\",\"city\":\"通辽市\",\"published_at\":\"2024\"}",
                "{\"id\":\"text\",\"title\":\"临清市召开会议\",\"body\":\"山东省聊城市临清市召开乡村振兴工作会议。\",\"published_at\":\"2024\"}",
                "{\"id\":\"none\",\"title\":\"政府工作报告\",\"body\":\"坚持稳中求进工作总基调。\",\"published_at\":\"2024\"}")
            .orderBy(Columns.DOC_ID)
            .select(
                Columns.DOC_ID,
                Columns.REGION_CODE,
                Columns.REGION_LEVEL,
                Columns.PROVINCE_NAME,
                Columns.PREFECTURE_NAME,
                Columns.COUNTY_NAME,
                Columns.REGION_METHOD,
                Columns.TEXT_REGION_CODE,
                Columns.REGION_BASIS)
            .collectAsList();
    // GB/T 2260: 370100 济南市; 371581 临清市 under 371500 聊城市, 山东省; 150700 呼伦贝尔市 and
    // 150500 通辽市 in 内蒙古自治区: a title naming another city of the given province wins.
    assertEquals(
        List.of(
            List.of("given", "370100", "prefecture", "山东省", "济南市", "-", "given", "-", "given"),
            List.of("none", "-", "-", "-", "-", "-", "none", "-", "none"),
            List.of(
                "overruled",
                "150700",
                "prefecture",
                "内蒙古自治区",
                "呼伦贝尔市",
                "-",
                "text",
                "150700",
                "text_over_given:title_names_another_in_province"),
            List.of("text", "371581", "county", "山东省", "聊城市", "临清市", "text", "371581", "text")),
        rows.stream()
            .map(
                r -> {
                  List<String> cells = new ArrayList<>();
                  for (int i = 0; i < r.size(); i++) {
                    cells.add(r.isNullAt(i) ? "-" : r.getString(i));
                  }
                  return cells;
                })
            .toList());
  }

  private static String reason(Row r) {
    return r.isNullAt(r.fieldIndex(Columns.REASON)) ? "accepted" : r.getAs(Columns.REASON);
  }
}
