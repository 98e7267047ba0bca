package org.tifa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;

/**
 * The report's stages on six hand-written documents; every expected figure is counted by hand from
 * the rows below (the comments say how).
 *
 * <pre>
 * doc  province        prefecture  county  date        slogans  topics
 * d1   370000 山东省   371500      371502  2024-01-05  a, b     t1
 * d2   370000 山东省   371500      -       2024-02-01  a        -
 * d3   370000 山东省   370100      -       2023-12-30  b        t1
 * d4   110000 北京市   110000      110105  2024-03-01  a        (null)
 * d5   -               -           -       2023-11-11  c        t1
 * d6   410000 河南省   419001      419001  2024-04-02  c        -
 * </pre>
 */
class ReportDataTest extends SparkTest {
  private static final StructType DOCS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.PUBLISHED_DATE, DataTypes.DateType)
          .add(Columns.PROVINCE_CODE, DataTypes.StringType)
          .add(Columns.PROVINCE_NAME, DataTypes.StringType)
          .add(Columns.PREFECTURE_CODE, DataTypes.StringType)
          .add(Columns.COUNTY_CODE, DataTypes.StringType)
          .add(Columns.SLOGANS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.TOPICS, DataTypes.createArrayType(DataTypes.StringType));
  private static final StructType TERMS =
      new StructType()
          .add(Columns.TERM_KIND, DataTypes.StringType)
          .add(Columns.TERM_ID, DataTypes.StringType)
          .add(Columns.TERM, DataTypes.StringType)
          .add(Columns.CATEGORY, DataTypes.StringType)
          .add(Columns.DOCUMENTS, DataTypes.LongType)
          .add(Columns.FIRST_SEEN, DataTypes.DateType);

  private Dataset<Row> documents() {
    return spark()
        .createDataFrame(
            List.of(
                doc(
                    "d1",
                    "2024-01-05",
                    "370000",
                    "山东省",
                    "371500",
                    "371502",
                    List.of("a", "b"),
                    List.of("t1")),
                doc("d2", "2024-02-01", "370000", "山东省", "371500", null, List.of("a"), List.of()),
                doc(
                    "d3",
                    "2023-12-30",
                    "370000",
                    "山东省",
                    "370100",
                    null,
                    List.of("b"),
                    List.of("t1")),
                doc("d4", "2024-03-01", "110000", "北京市", "110000", "110105", List.of("a"), null),
                doc("d5", "2023-11-11", null, null, null, null, List.of("c"), List.of("t1")),
                doc(
                    "d6",
                    "2024-04-02",
                    "410000",
                    "河南省",
                    "419001",
                    "419001",
                    List.of("c"),
                    List.of())),
            DOCS);
  }

  private Dataset<Row> terms() {
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "slogan", "a", "甲提法", "economy", 3L, LocalDate.parse("2024-01-05")),
                RowFactory.create("slogan", "b", "乙提法", null, 2L, LocalDate.parse("2023-12-30")),
                RowFactory.create("slogan", "c", "丙提法", null, 2L, LocalDate.parse("2023-11-11")),
                RowFactory.create("slogan", "z", "未见", "social", 0L, null),
                RowFactory.create(
                    "topic", "t1", "话题一", "social", 3L, LocalDate.parse("2023-11-11"))),
            TERMS);
  }

  private static Row doc(
      String id,
      String date,
      String province,
      String provinceName,
      String prefecture,
      String county,
      List<String> slogans,
      List<String> topics) {
    return RowFactory.create(
        id,
        LocalDate.parse(date),
        province,
        provinceName,
        prefecture,
        county,
        slogans == null ? null : slogans.toArray(new String[0]),
        topics == null ? null : topics.toArray(new String[0]));
  }

  private static List<String> strings(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        values.add(String.valueOf(r.get(i)));
      }
      out.add(String.join("|", values));
    }
    return out;
  }

  @Test
  void nationalSharesCountEveryDocumentInTheDenominator() {
    // Six documents. a: d1 d2 d4 = 3; b: d1 d3 = 2; c: d5 d6 = 2; t1: d1 d3 d5 = 3.
    Dataset<Row> shares =
        ReportData.termShares(ReportData.placed(documents(), ReportData.country()), terms());
    assertEquals(
        List.of(
            "000000|slogan|a|甲提法|economy|3|6|0.5",
            "000000|slogan|b|乙提法|null|2|6|" + 2.0 / 6,
            "000000|topic|t1|话题一|social|3|6|0.5"),
        strings(ReportData.top(shares, 2)),
        "the top two of each kind; b and c tie at 2 and b comes first by id");
  }

  @Test
  void provinceSharesLeaveOutDocumentsWithoutAProvince() {
    // 山东 d1 d2 d3 (3): a d1 d2 = 2, b d1 d3 = 2, t1 d1 d3 = 2. 北京 d4: a = 1. 河南 d6: c = 1. d5 has
    // none.
    Dataset<Row> shares =
        ReportData.termShares(ReportData.placed(documents(), ReportData.province()), terms());
    assertEquals(
        List.of(
            "110000|slogan|a|甲提法|economy|1|1|1.0",
            "370000|slogan|a|甲提法|economy|2|3|" + 2.0 / 3,
            "370000|topic|t1|话题一|social|2|3|" + 2.0 / 3,
            "410000|slogan|c|丙提法|null|1|1|1.0"),
        strings(ReportData.top(shares, 1)));
    assertEquals(
        List.of("370000|山东省|3", "110000|北京市|1", "410000|河南省|1"),
        strings(ReportData.provinces(documents())));
  }

  @Test
  void subdivisionsCountADocumentOnceWhereItsPrefectureIsItsCounty() {
    // d1: 371500 and 371502; d2: 371500; d3: 370100; d4: 110000 and 110105; d6: 419001 once
    // (济源 is both its prefecture and its county); d5 has neither.
    Dataset<Row> placed = ReportData.placed(documents(), ReportData.subdivisions());
    assertEquals(
        List.of("110000|1", "110105|1", "370100|1", "371500|2", "371502|1", "419001|1"),
        strings(ReportData.regionDocuments(placed).orderBy(Columns.REGION_CODE)));
  }

  @Test
  void firstSeenIsTheEarliestDocumentPerProvince() {
    // a: 山东 d1 2024-01-05 and d2 → 2 documents; 北京 d4 2024-03-01. b: 山东 d3 2023-12-30, d1 → 2.
    assertEquals(
        List.of(
            "a|370000|山东省|2024-01-05|2", "a|110000|北京市|2024-03-01|1", "b|370000|山东省|2023-12-30|2"),
        strings(
            ReportData.firstSeen(documents(), List.of("a", "b"))
                .select(
                    Columns.TERM_ID,
                    Columns.PROVINCE_CODE,
                    Columns.PROVINCE_NAME,
                    Columns.FIRST_SEEN,
                    Columns.DOCUMENTS)));
  }

  @Test
  void diffusionTakesDiscoveredSlogansFirst() {
    // Discovered (no category) with documents: b 2, c 2 → by id b, c. All slogans: a 3, b 2, c 2; z
    // has none.
    assertEquals(
        List.of("b|乙提法|2|2023-12-30", "c|丙提法|2|2023-11-11"),
        strings(ReportData.diffusionSlogans(terms(), 5, true)));
    assertEquals(
        List.of("a|甲提法|3|2024-01-05"), strings(ReportData.diffusionSlogans(terms(), 1, false)));
  }

  @Test
  void monthlyRowsAndDenominatorsComeFromTheMonthGrainOnly() {
    StructType schema =
        new StructType()
            .add(Columns.GRAIN, DataTypes.StringType)
            .add(Columns.PERIOD, DataTypes.StringType)
            .add(Columns.REGION_CODE, DataTypes.StringType)
            .add(Columns.TERM_KIND, DataTypes.StringType)
            .add(Columns.TERM_ID, DataTypes.StringType)
            .add(Columns.TERM, DataTypes.StringType)
            .add(Columns.DOCUMENTS, DataTypes.LongType)
            .add(Columns.WEIGHTED_DOCUMENTS, DataTypes.LongType)
            .add(Columns.REGION_DOCUMENTS, DataTypes.LongType)
            .add(Columns.DOCUMENT_SHARE, DataTypes.DoubleType);
    // In 2024-01, 4 of the country's 10 documents mention t1 and 2 are about it: the trend shows 2
    // documents, a share of 2 / 10.
    Dataset<Row> counts =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "month", "2024-01", "000000", "topic", "t1", "话题一", 4L, 2L, 10L, 0.4),
                    RowFactory.create(
                        "month", "2024-01", "000000", "slogan", "a", "甲提法", 1L, 1L, 10L, 0.1),
                    RowFactory.create(
                        "month", "2024-03", "000000", "slogan", "a", "甲提法", 3L, 3L, 4L, 0.75),
                    RowFactory.create(
                        "month", "2024-03", "370000", "topic", "t1", "话题一", 1L, 1L, 2L, 0.5),
                    RowFactory.create(
                        "year", "2024", "000000", "topic", "t1", "话题一", 9L, 9L, 30L, 0.3)),
                schema);
    assertEquals(
        List.of("000000|2024-01|10", "000000|2024-03|4"),
        strings(
            ReportData.periodDocuments(counts, "month", List.of("000000"))
                .orderBy(Columns.PERIOD)));
    assertEquals(
        List.of("000000|2024-01|topic|t1|话题一|2|10|0.2"),
        strings(ReportData.periodic(counts, "month", List.of("000000"), "topic", List.of("t1"))));
  }

  @Test
  void changesAreRankedBySignificanceAndNewSlogansByDocuments() {
    StructType schema =
        new StructType()
            .add(Columns.REGION_CODE, DataTypes.StringType)
            .add(Columns.TERM_KIND, DataTypes.StringType)
            .add(Columns.TERM_ID, DataTypes.StringType)
            .add(Columns.TERM, DataTypes.StringType)
            .add(Columns.BASE_DOCUMENTS, DataTypes.LongType)
            .add(Columns.TARGET_DOCUMENTS, DataTypes.LongType)
            .add(Columns.BASE_SHARE, DataTypes.DoubleType)
            .add(Columns.TARGET_SHARE, DataTypes.DoubleType)
            .add(Columns.SHARE_CHANGE, DataTypes.DoubleType)
            .add(Columns.Z_SCORE, DataTypes.DoubleType)
            .add(Columns.P_VALUE, DataTypes.DoubleType)
            .add(Columns.STATUS, DataTypes.StringType);
    Dataset<Row> changes =
        spark()
            .createDataFrame(
                List.of(
                    // 1 → 2 documents of 1,000 is a large relative change but a weak one (z 0.58);
                    // 100 → 180
                    // is a smaller relative change and a strong one (z 5.16): the strong one ranks
                    // first.
                    RowFactory.create(
                        "000000", "slogan", "x", "x", 1L, 2L, 0.001, 0.002, 0.001, 0.58, 0.56,
                        "up"),
                    RowFactory.create(
                        "000000", "topic", "y", "y", 100L, 180L, 0.1, 0.18, 0.08, 5.16, 0.0000002,
                        "up"),
                    RowFactory.create(
                        "370000", "slogan", "x", "x", 0L, 9L, 0.0, 0.3, 0.3, 9.0, 0.0, "up"),
                    RowFactory.create(
                        "000000", "slogan", "w", "w", 50L, 20L, 0.05, 0.02, -0.03, -3.5, 0.0005,
                        "down"),
                    RowFactory.create(
                        "000000", "slogan", "v", "v", 30L, 25L, 0.03, 0.025, -0.005, -2.1, 0.036,
                        "down"),
                    RowFactory.create(
                        "000000", "slogan", "n1", "n1", 0L, 4L, 0.0, 0.004, 0.004, 2.0, 0.04,
                        "new"),
                    RowFactory.create(
                        "000000", "topic", "n2", "n2", 0L, 9L, 0.0, 0.009, 0.009, 3.0, 0.003,
                        "new"),
                    RowFactory.create(
                        "000000", "slogan", "n3", "n3", 0L, 7L, 0.0, 0.007, 0.007, 2.6, 0.01,
                        "new")),
                schema);
    assertEquals(
        List.of("y", "x"),
        ids(ReportData.changes(changes, "up", null, 5)),
        "country level only, by z");
    assertEquals(
        List.of("w", "v"),
        ids(ReportData.changes(changes, "down", null, 5)),
        "the largest fall first");
    assertEquals(
        List.of("n3", "n1"),
        ids(ReportData.changes(changes, "new", "slogan", 5)),
        "new slogans only, by documents");
    assertEquals(List.of("n2"), ids(ReportData.changes(changes, "new", null, 1)));
  }

  private static List<String> ids(Dataset<Row> rows) {
    return rows.select(Columns.TERM_ID).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  @Test
  void quarantineReasonsAreCountedPerStageAndReason() {
    StructType schema =
        new StructType()
            .add(Columns.STAGE, DataTypes.StringType)
            .add(Columns.REASON, DataTypes.StringType);
    Dataset<Row> quarantine =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("ingest", "bad_date"),
                    RowFactory.create("normalize", "empty_body"),
                    RowFactory.create("ingest", "malformed_json"),
                    RowFactory.create("ingest", "bad_date"),
                    RowFactory.create("ingest", "malformed_json")),
                schema);
    assertEquals(
        List.of("ingest|bad_date|2", "ingest|malformed_json|2", "normalize|empty_body|1"),
        strings(ReportData.quarantineReasons(quarantine)));
  }
}
