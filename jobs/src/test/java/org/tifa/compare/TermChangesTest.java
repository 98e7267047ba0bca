package org.tifa.compare;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

class TermChangesTest extends SparkTest {
  private static final StructType COUNTS =
      new StructType()
          .add(Columns.PERIOD, StringType)
          .add(Columns.PERIOD_START, DateType)
          .add(Columns.REGION_LEVEL, StringType)
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_NAME, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType)
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.TERM, StringType)
          .add(Columns.CATEGORY, StringType)
          .add(Columns.MENTIONS, LongType)
          .add(Columns.DOCUMENTS, LongType);
  private static final StructType REGIONS =
      new StructType()
          .add(Columns.PERIOD, StringType)
          .add(Columns.REGION_LEVEL, StringType)
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_DOCUMENTS, LongType);

  private static Row count(String region, String term, long mentions, long documents) {
    return RowFactory.create(
        "all",
        null,
        "prefecture",
        region,
        "市" + region,
        "370000",
        "山东省",
        "slogan",
        term,
        term,
        null,
        mentions,
        documents);
  }

  private Dataset<Row> rows(StructType schema, Row... rows) {
    return spark().createDataFrame(List.of(rows), schema);
  }

  /**
   * Region R has 1,000 documents in each snapshot. X: 1 → 2 documents (+100%); Y: 100 → 180 (+80%);
   * G: 5 → 0; N: 0 → 3. Region S exists only in the target (4 documents, N in all of them). z by
   * hand (pooled share p, variance p(1−p)(1/n1+1/n2)): X .001/√(.0015×.9985×.002) = .5778; Y
   * .08/√(.14×.86×.002) = 5.1554; G −.005/√(.0025×.9975×.002) = −2.2389; N .003/√(.0015×.9985×.002)
   * = 1.7334.
   */
  @Test
  void statusesAndTheSignificanceOrder() {
    Dataset<Row> base =
        rows(COUNTS, count("R", "X", 1, 1), count("R", "Y", 150, 100), count("R", "G", 5, 5));
    Dataset<Row> target =
        rows(
            COUNTS,
            count("R", "X", 2, 2),
            count("R", "Y", 200, 180),
            count("R", "N", 3, 3),
            count("S", "N", 6, 4));
    Dataset<Row> baseRegions = rows(REGIONS, RowFactory.create("all", "prefecture", "R", 1000L));
    Dataset<Row> targetRegions =
        rows(
            REGIONS,
            RowFactory.create("all", "prefecture", "R", 1000L),
            RowFactory.create("all", "prefecture", "S", 4L));

    Dataset<Row> changes =
        TermChanges.compare(base, baseRegions, target, targetRegions, "b", "t", "all", 0.05);
    assertEquals(
        Arrays.asList(Tables.TERM_CHANGES_SCHEMA.fieldNames()), Arrays.asList(changes.columns()));

    List<List<Object>> actual =
        CompareRows.values(
            changes.orderBy(changes.col(Columns.Z_SCORE).desc_nulls_last()),
            "region_code",
            "term_id",
            "base_mentions",
            "target_mentions",
            "base_documents",
            "target_documents",
            "base_region_documents",
            "target_region_documents",
            "base_share",
            "target_share",
            "share_change",
            "share_change_relative",
            "z_score",
            "status");
    List<List<Object>> expected = new ArrayList<>();
    // Y ranks first: the surer change, though X's relative change is larger.
    expected.add(
        Arrays.asList(
            "R", "Y", 150L, 200L, 100L, 180L, 1000L, 1000L, 0.1, 0.18, 0.08, 0.8, 5.1554, "up"));
    expected.add(
        Arrays.asList(
            "R", "N", 0L, 3L, 0L, 3L, 1000L, 1000L, 0.0, 0.003, 0.003, null, 1.7334, "new"));
    expected.add(
        Arrays.asList(
            "R", "X", 1L, 2L, 1L, 2L, 1000L, 1000L, 0.001, 0.002, 0.001, 1.0, 0.5778, "same"));
    expected.add(
        Arrays.asList(
            "R", "G", 5L, 0L, 5L, 0L, 1000L, 1000L, 0.005, 0.0, -0.005, -1.0, -2.2389, "gone"));
    // S: no base document at all, so no base share and nothing to test against.
    expected.add(
        Arrays.asList("S", "N", 0L, 6L, 0L, 4L, 0L, 4L, null, 1.0, null, null, null, "new"));
    assertEquals(expected, actual);
    assertEquals(
        List.of(List.of("b", "t", "all", "all", "市R", "山东省")),
        CompareRows.values(
            changes.filter("term_id = 'Y'"),
            "base_snapshot_id",
            "target_snapshot_id",
            "grain",
            "period",
            "region_name",
            "province_name"));
  }

  /**
   * Denominators from the documents table, by the rules of term_counts. d1 in county 临清 of 聊城
   * (2024-03-19), d2 in 聊城 (2024-03-20), d3 without region dated 2024-03 (month precision), d4
   * without region dated 2023 (year precision).
   */
  @Test
  void regionDocumentsFollowLevelsAndDatePrecision() {
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "d1",
                        LocalDate.parse("2024-03-19"),
                        "day",
                        "370000",
                        "山东省",
                        "371500",
                        "聊城市",
                        "371581",
                        "临清市",
                        null,
                        null),
                    RowFactory.create(
                        "d2",
                        LocalDate.parse("2024-03-20"),
                        "day",
                        "370000",
                        "山东省",
                        "371500",
                        "聊城市",
                        null,
                        null,
                        null,
                        null),
                    RowFactory.create(
                        "d3",
                        LocalDate.parse("2024-03-01"),
                        "month",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                    RowFactory.create(
                        "d4",
                        LocalDate.parse("2023-01-01"),
                        "year",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)),
                CompareRows.DOCUMENTS);
    List<String> all = List.of("country", "province", "prefecture", "county");
    // Month: d4's year-only date is not counted; every level a document resolved down to is.
    assertEquals(
        List.of(
            List.of("2024-03", "country", "000000", 3L),
            List.of("2024-03", "county", "371581", 1L),
            List.of("2024-03", "prefecture", "371500", 2L),
            List.of("2024-03", "province", "370000", 2L)),
        CompareRows.values(
            TermChanges.regionDocuments(docs, "month", all).orderBy("region_level"), "*"));
    // Whole snapshot, down to provinces: every document once.
    assertEquals(
        List.of(List.of("all", "country", "000000", 4L), List.of("all", "province", "370000", 2L)),
        CompareRows.values(
            TermChanges.regionDocuments(docs, "all", List.of("country", "province"))
                .orderBy("region_level"),
            "*"));
  }

  /** Grain all sums a term's year rows; other grains and deeper levels are left out. */
  @Test
  void theWholeSnapshotIsTheSumOfItsYears() {
    StructType tc = Tables.TERM_COUNTS_SCHEMA;
    Dataset<Row> termCounts =
        spark()
            .createDataFrame(
                List.of(
                    tcRow("year", "2023", "prefecture", "371500", 4, 2),
                    tcRow("year", "2024", "prefecture", "371500", 1, 3),
                    tcRow("month", "2024-03", "prefecture", "371500", 1, 1),
                    tcRow("year", "2024", "county", "371581", 1, 1)),
                nullable(tc));
    assertEquals(
        List.of(List.of("all", "prefecture", "371500", "聊城市", "S", 5L, 5L)),
        CompareRows.values(
            TermChanges.counts(termCounts, "all", List.of("country", "province", "prefecture")),
            "period",
            "region_level",
            "region_code",
            "region_name",
            "term_id",
            "mentions",
            "documents"));
    assertEquals(2, TermChanges.counts(termCounts, "year", List.of("prefecture")).count());
  }

  private static Row tcRow(
      String grain, String period, String level, String code, long mentions, long documents) {
    LocalDate start = LocalDate.parse(period.length() == 4 ? period + "-01-01" : period + "-01");
    return RowFactory.create(
        "s",
        grain,
        period,
        start,
        level,
        code,
        level.equals("county") ? "临清市" : "聊城市",
        "370000",
        "山东省",
        "slogan",
        "S",
        "S",
        null,
        mentions,
        documents,
        documents,
        1L,
        10L,
        0.1,
        start,
        start);
  }
}
