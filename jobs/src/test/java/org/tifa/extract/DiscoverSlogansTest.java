package org.tifa.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;

class DiscoverSlogansTest extends SparkTest {
  private static final StructType DOCS =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.TITLE, StringType)
          .add(Columns.BODY, StringType)
          .add(Columns.SOURCE, StringType)
          .add(Columns.PROVINCE_CODE, StringType);

  /** Documents of (doc_id, title, body), in two partitions, without source or province. */
  private Dataset<Row> documents(Row... rows) {
    return placed(
        java.util.Arrays.stream(rows)
            .map(r -> RowFactory.create(r.get(0), r.get(1), r.get(2), null, null))
            .toArray(Row[]::new));
  }

  /**
   * Documents of (doc_id, title, body, source, province_code), in two partitions, with their quoted
   * candidates found as the run's per-document pass finds them.
   */
  private Dataset<Row> placed(Row... rows) {
    SloganExtractor extractor = SloganExtractor.loadDefault();
    UDF2<String, String, Row[]> quote =
        (title, body) -> DiscoverSlogans.rows(extractor.extract(title, body));
    return spark()
        .createDataFrame(List.of(rows), DOCS)
        .repartition(2)
        .withColumn(
            DiscoverSlogans.CANDIDATES,
            udf(quote, DiscoverSlogans.CANDIDATE_LIST)
                .apply(col(Columns.TITLE), col(Columns.BODY)));
  }

  @Test
  void gathersQuotedSlogansWithTheirDocumentsAndMostFrequentForm() {
    Dataset<Row> input =
        documents(
            RowFactory.create("d1", "聚力“攻坚突破年”", "开展“攻坚突破年 政协见行动”活动。简称“攻坚突破年、政协见行动”。"),
            RowFactory.create("d2", null, "推进“攻坚突破年 政协见行动”。他说：“我们一定要把工作做好。”"),
            RowFactory.create("d3", "无题", "落实“三亮”要求。"));

    Dataset<Row> found = DiscoverSlogans.apply(input);

    // By hand: the speech in d2 is not a slogan; the two written forms of the campaign name share
    // one key, the spaced form (twice) beats the 、 form (once) for display.
    StructType out =
        new StructType()
            .add(DiscoverSlogans.KEY, StringType)
            .add(Columns.TERM, StringType)
            .add(DiscoverSlogans.SURFACES, createArrayType(StringType))
            .add(Columns.DOCUMENTS, LongType);
    Dataset<Row> expected =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("攻坚突破年", "攻坚突破年", new String[] {"攻坚突破年"}, 1L),
                    RowFactory.create(
                        "攻坚突破年政协见行动",
                        "攻坚突破年 政协见行动",
                        new String[] {"攻坚突破年 政协见行动", "攻坚突破年、政协见行动"},
                        2L),
                    RowFactory.create("三亮", "三亮", new String[] {"三亮"}, 1L)),
                out);
    assertDataFrameNoOrderEquals(expected, as(found, out));
  }

  @Test
  void theMostQuotedFormIsShownAndTiesGoToTheSmallestForm() {
    Dataset<Row> input =
        documents(
            RowFactory.create("d1", null, "开展“攻坚突破年 政协见行动”活动。"),
            RowFactory.create("d2", null, "简称“攻坚突破年、政协见行动”，又称“攻坚突破年、政协见行动”。"),
            RowFactory.create("d3", null, "落实“三亮、三比”要求，“三亮 三比”见成效。"));

    // By hand: the 、 form is quoted twice, the spaced form once, so the 、 form is shown; 三亮三比
    // is quoted once in each form, and the spaced one (U+0020 before U+3001) is the smaller.
    List<String> got =
        DiscoverSlogans.apply(input)
            .selectExpr("concat_ws('|', key, term, cast(documents AS string))")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
            .stream()
            .sorted()
            .toList();
    assertEquals(List.of("三亮三比|三亮 三比|1", "攻坚突破年政协见行动|攻坚突破年、政协见行动|2"), got);
  }

  @Test
  void countsQuotesNamedQuotesSourcesAndRegions() {
    Dataset<Row> input =
        placed(
            RowFactory.create("d1", null, "“未来”号下水，“三亮”开局。", "甲报", "370000"),
            RowFactory.create("d2", null, "“三亮”“三亮”，“未来”可期。", "乙报", "370000"),
            RowFactory.create("d3", null, "落实“三亮”。台风“摩羯”登陆。", null, null));

    // By hand. 三亮: quoted in d1, d2 (twice), d3 = 3 documents, 4 quotes, none followed by 号 or
    // 舰; sources 甲报, 乙报 and none = 3; provinces 370000 and none = 2. 未来: d1 and d2, 2 quotes,
    // the one in d1 followed by 号; sources 2, provinces 1. 摩羯: d3 only, after 台风.
    List<String> got =
        DiscoverSlogans.apply(input)
            .selectExpr("concat_ws('|', key, documents, quoted, named, sources, regions)")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
            .stream()
            .sorted()
            .toList();
    assertEquals(List.of("三亮|3|4|0|3|2", "摩羯|1|1|1|1|1", "未来|2|2|1|2|1"), got);
  }
}
