package org.tifa.aggregate;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

class BuildTermsTest extends SparkTest {
  private static final StructType HIT =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.MENTIONS, IntegerType)
          .add(Columns.ABOUT, BooleanType);
  private static final StructType DOCS =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.PUBLISHED_DATE, DateType)
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_NAME, StringType)
          .add(Columns.TERM_HITS, createArrayType(HIT));

  private static Row doc(String id, String date, String code, String name, Row... hits) {
    return RowFactory.create(id, date == null ? null : LocalDate.parse(date), code, name, hits);
  }

  /** A hit of a document about the term. */
  private static Row hit(String kind, String id, int mentions) {
    return RowFactory.create(kind, id, mentions, true);
  }

  @Test
  void totalsFirstSightingsAndTermsNeverMentioned() {
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(
                    doc(
                        "d1",
                        "2024-03-02",
                        "371500",
                        "聊城市",
                        hit("slogan", "A", 2),
                        RowFactory.create("topic", "T", 1, false)),
                    doc("d2", "2024-03-01", null, null, hit("slogan", "A", 1)),
                    doc("d3", "2024-03-01", "370100", "济南市", hit("slogan", "A", 1)),
                    doc("d4", "2024-03-05", "110000", "北京市", hit("topic", "T", 3)),
                    doc("d7", "2024-01-09", "370100", "济南", hit("slogan", "B", 1)),
                    doc("d6", "2024-01-09", "370100", "济南市", hit("slogan", "B", 1)),
                    doc("d5", "2024-01-09", "370200", "青岛市", hit("slogan", "B", 1)),
                    doc("d8", null, "110000", "北京市", hit("slogan", "B", 5)),
                    doc("d9", "2024-01-10", null, null, hit("slogan", "B", 1))),
                DOCS);
    Dataset<Row> dimension =
        BuildTerms.dimension(
            spark(),
            List.of(
                new TermDictionary.Term("slogan", "A", "甲", "economy", new String[] {"甲甲"}),
                new TermDictionary.Term(
                    "slogan", "B", "乙", null, new String[0], "mined", null, 0L, 0.0),
                new TermDictionary.Term(
                    "slogan", "C", "丁+", null, new String[0], "discovered", "丁+", 2L, 0.5),
                new TermDictionary.Term("topic", "T", "丙", "party", new String[] {"k1", "k2"})));

    // By hand: A's earliest documents (03-01) are d2 without a region and d3 in 济南: the region
    // that is known wins. B's earliest (01-09) are in 济南 twice and 青岛: the smaller code, then
    // the smaller doc id (d6, named 济南市 here); d8 has no date and counts but is never first
    // seen. C is never mentioned. T is mentioned by d1 and d4 (4 times) but d1, with its one
    // mention, is not about it: one weighted document; its first sighting is d1's mention.
    // Origin, family and evidence come from the dimension as they are.
    StructType schema = nullable(Tables.TERMS_SCHEMA);
    Dataset<Row> expected =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "A",
                        "slogan",
                        "甲",
                        "economy",
                        new String[] {"甲甲"},
                        3L,
                        3L,
                        4L,
                        LocalDate.parse("2024-03-01"),
                        LocalDate.parse("2024-03-02"),
                        "370100",
                        "济南市",
                        "lexicon",
                        null,
                        null,
                        null),
                    RowFactory.create(
                        "B",
                        "slogan",
                        "乙",
                        null,
                        new String[0],
                        5L,
                        5L,
                        9L,
                        LocalDate.parse("2024-01-09"),
                        LocalDate.parse("2024-01-10"),
                        "370100",
                        "济南市",
                        "mined",
                        null,
                        0L,
                        0.0),
                    RowFactory.create(
                        "C",
                        "slogan",
                        "丁+",
                        null,
                        new String[0],
                        0L,
                        0L,
                        0L,
                        null,
                        null,
                        null,
                        null,
                        "discovered",
                        "丁+",
                        2L,
                        0.5),
                    RowFactory.create(
                        "T",
                        "topic",
                        "丙",
                        "party",
                        new String[] {"k1", "k2"},
                        2L,
                        1L,
                        4L,
                        LocalDate.parse("2024-03-02"),
                        LocalDate.parse("2024-03-05"),
                        "371500",
                        "聊城市",
                        "taxonomy",
                        null,
                        null,
                        null)),
                schema);
    Dataset<Row> actual = BuildTerms.apply(docs.repartition(3), dimension);
    assertDataFrameNoOrderEquals(expected, as(actual, schema));
  }
}
