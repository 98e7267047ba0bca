package org.tifa.aggregate;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.extract.ExtractTerms;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * Every column of term_counts at every grain and level, on four documents counted by hand in {@code
 * CountTermsTest/expected.tsv}:
 *
 * <ul>
 *   <li>d1 — county 临清市 (聊城市, 山东省), 2024-03-19 (a Tuesday of ISO week 12), source A: 攻坚突破年 twice,
 *       party building once;
 *   <li>d2 — prefecture 聊城市, 2024-03-20, source B: 攻坚突破年 once;
 *   <li>d3 — no region, dated only 2024-03 (month precision), source A: 攻坚突破年 once;
 *   <li>d4 — no region, dated only 2023 (year precision), source C: party building once, below the
 *       minimum salience (counted in mentions and documents, not in weighted documents).
 * </ul>
 */
class CountTermsTest extends SparkTest {
  private static final StructType DOCS =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.SOURCE, StringType)
          .add(Columns.PUBLISHED_DATE, DateType)
          .add(Columns.DATE_PRECISION, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType)
          .add(Columns.PREFECTURE_CODE, StringType)
          .add(Columns.PREFECTURE_NAME, StringType)
          .add(Columns.COUNTY_CODE, StringType)
          .add(Columns.COUNTY_NAME, StringType)
          .add(Columns.TERM_HITS, createArrayType(ExtractTerms.HIT));

  private static Row hit(String kind, String id, int mentions) {
    return hit(kind, id, mentions, true);
  }

  /** A hit whose salience (not read by counting) is given as its mentions. */
  private static Row hit(String kind, String id, int mentions, boolean about) {
    return RowFactory.create(
        kind, id, mentions, TermDictionary.key(kind, id), (double) mentions, about, 0, 0, null);
  }

  @Test
  void countsEveryGrainAndLevelAsWorkedOutByHand() throws IOException {
    String s = "攻坚突破年";
    String t = "party_building";
    List<Row> docs =
        List.of(
            RowFactory.create(
                "d1",
                "A",
                LocalDate.parse("2024-03-19"),
                "day",
                "370000",
                "山东省",
                "371500",
                "聊城市",
                "371581",
                "临清市",
                new Row[] {hit("slogan", s, 2), hit("topic", t, 1)}),
            RowFactory.create(
                "d2",
                "B",
                LocalDate.parse("2024-03-20"),
                "day",
                "370000",
                "山东省",
                "371500",
                "聊城市",
                null,
                null,
                new Row[] {hit("slogan", s, 1)}),
            RowFactory.create(
                "d3",
                "A",
                LocalDate.parse("2024-03-01"),
                "month",
                null,
                null,
                null,
                null,
                null,
                null,
                new Row[] {hit("slogan", s, 1)}),
            RowFactory.create(
                "d4",
                "C",
                LocalDate.parse("2023-01-01"),
                "year",
                null,
                null,
                null,
                null,
                null,
                null,
                new Row[] {hit("topic", t, 1, false)}));
    Dataset<Row> terms =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("slogan", s, s, "local_campaign"),
                    RowFactory.create("topic", t, "党的建设", "party")),
                new StructType()
                    .add(Columns.TERM_KIND, StringType)
                    .add(Columns.TERM_ID, StringType)
                    .add(Columns.TERM, StringType)
                    .add(Columns.CATEGORY, StringType));

    Dataset<Row> actual =
        CountTerms.apply(
            spark().createDataFrame(docs, DOCS).repartition(3),
            terms,
            List.of("day", "week", "month", "quarter", "year"),
            "snap-1");

    assertDataFrameNoOrderEquals(expected("snap-1"), as(actual, nullable(actual.schema())));
  }

  @Test
  void anIsoWeekAcrossNewYearIsOneCell() {
    // 2025-12-30 (Tuesday) and 2026-01-02 (Friday) are both in ISO week 2026-W01, which starts on
    // Monday 2025-12-29, but in different calendar years; both at province 370000.
    String s = "攻坚突破年";
    List<Row> docs =
        List.of(
            RowFactory.create(
                "e1",
                "A",
                LocalDate.parse("2025-12-30"),
                "day",
                "370000",
                "山东省",
                null,
                null,
                null,
                null,
                new Row[] {hit("slogan", s, 1)}),
            RowFactory.create(
                "e2",
                "B",
                LocalDate.parse("2026-01-02"),
                "day",
                "370000",
                "山东省",
                null,
                null,
                null,
                null,
                new Row[] {hit("slogan", s, 3)}));
    Dataset<Row> terms =
        spark()
            .createDataFrame(
                List.of(RowFactory.create("slogan", s, s, "local_campaign")),
                new StructType()
                    .add(Columns.TERM_KIND, StringType)
                    .add(Columns.TERM_ID, StringType)
                    .add(Columns.TERM, StringType)
                    .add(Columns.CATEGORY, StringType));

    Dataset<Row> documents = spark().createDataFrame(docs, DOCS).repartition(2);
    List<String> actual =
        CountTerms.apply(
                documents,
                CountTerms.Survey.of(documents),
                terms,
                List.of("week", "year"),
                "snap-1",
                7)
            .selectExpr(
                "concat_ws(' ', grain, period, cast(period_start AS string), region_level, mentions, documents, region_documents,"
                    + " cast(first_seen AS string), cast(last_seen AS string))")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
            .stream()
            .sorted()
            .toList();

    assertEquals(
        List.of(
            "week 2026-W01 2025-12-29 country 4 2 2 2025-12-30 2026-01-02",
            "week 2026-W01 2025-12-29 province 4 2 2 2025-12-30 2026-01-02",
            "year 2025 2025-01-01 country 1 1 1 2025-12-30 2025-12-30",
            "year 2025 2025-01-01 province 1 1 1 2025-12-30 2025-12-30",
            "year 2026 2026-01-01 country 3 1 1 2026-01-02 2026-01-02",
            "year 2026 2026-01-01 province 3 1 1 2026-01-02 2026-01-02"),
        actual);
  }

  @Test
  void aSurveyHasTheHitsDaysAndRegionsOfTheDocuments() {
    // Hits 2 + 1 + 0 (none) + 0 (empty); days 03-19 twice; regions: the country always, 山东省,
    // 聊城市 under two names (the smaller, 聊城, is taken), 临清市 once.
    List<Row> docs =
        List.of(
            RowFactory.create(
                "d1",
                "A",
                LocalDate.parse("2024-03-19"),
                "day",
                "370000",
                "山东省",
                "371500",
                "聊城市",
                "371581",
                "临清市",
                new Row[] {hit("slogan", "x", 2), hit("topic", "y", 1)}),
            RowFactory.create(
                "d2",
                "B",
                LocalDate.parse("2024-03-19"),
                "day",
                "370000",
                "山东省",
                "371500",
                "聊城",
                null,
                null,
                new Row[] {hit("slogan", "x", 1)}),
            RowFactory.create(
                "d3",
                "A",
                LocalDate.parse("2023-01-01"),
                "year",
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            RowFactory.create(
                "d4",
                "C",
                LocalDate.parse("2022-06-01"),
                "month",
                null,
                null,
                null,
                null,
                null,
                null,
                new Row[0]));

    Dataset<Row> documents = spark().createDataFrame(docs, DOCS).repartition(3);
    CountTerms.Survey survey = CountTerms.Survey.of(documents);

    assertEquals(3, survey.hits());
    // Without ANSI mode Spark's size() of d3's null array is -1, which must not count.
    String ansi = spark().conf().get("spark.sql.ansi.enabled");
    spark().conf().set("spark.sql.ansi.enabled", "false");
    try {
      assertEquals(3, CountTerms.Survey.of(documents).hits());
    } finally {
      spark().conf().set("spark.sql.ansi.enabled", ansi);
    }
    assertEquals(
        List.of(
            LocalDate.parse("2022-06-01"),
            LocalDate.parse("2023-01-01"),
            LocalDate.parse("2024-03-19")),
        survey.days());
    assertEquals(
        List.of(
            new CountTerms.Survey.Region(
                0, "country", BuildRegions.COUNTRY_CODE, BuildRegions.COUNTRY_NAME, null, null),
            new CountTerms.Survey.Region(1, "province", "370000", "山东省", "370000", "山东省"),
            new CountTerms.Survey.Region(2, "prefecture", "371500", "聊城", "370000", "山东省"),
            new CountTerms.Survey.Region(3, "county", "371581", "临清市", "370000", "山东省")),
        survey.regions());
  }

  private Dataset<Row> expected(String snapshot) throws IOException {
    StructType schema = nullable(Tables.TERM_COUNTS_SCHEMA);
    List<Row> rows = new ArrayList<>();
    Path file =
        Path.of(
            System.getProperty("tifa.repo"), "jobs/src/test/resources/CountTermsTest/expected.tsv");
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      Object[] values = new Object[schema.size()];
      values[0] = snapshot;
      for (int i = 1; i < values.length; i++) {
        values[i] = parse(cells[i - 1], schema.fields()[i].dataType());
      }
      rows.add(RowFactory.create(values));
    }
    return spark().createDataFrame(rows, schema);
  }

  private static Object parse(String cell, DataType type) {
    if (cell.equals("-")) {
      return null;
    }
    if (type.equals(DataTypes.LongType)) {
      return Long.parseLong(cell);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Double.parseDouble(cell);
    }
    if (type.equals(DataTypes.DateType)) {
      return LocalDate.parse(cell);
    }
    return cell;
  }
}
