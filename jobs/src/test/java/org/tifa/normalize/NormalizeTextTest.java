package org.tifa.normalize;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.quarantine.StageResult;
import org.tifa.schema.Columns;

class NormalizeTextTest extends SparkTest {
  private static final StructType IN =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.INPUT_FILE, StringType)
          .add(Columns.INPUT_LINE, LongType)
          .add(Columns.TITLE_RAW, StringType)
          .add(Columns.BODY_RAW, StringType)
          .add(Columns.SOURCE_RAW, StringType)
          .add(Columns.GIVEN_PROVINCE, StringType)
          .add(Columns.GIVEN_CITY, StringType)
          .add(Columns.GIVEN_COUNTY, StringType);

  @Test
  void normalizesEveryTextFieldAndQuarantinesBoilerplateOnlyBodies() {
    Dataset<Row> records =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "t",
                        "f",
                        1L,
                        "攻堅(jiān)突破年 政協(xié)見行動",
                        "來源：聊城日報\n山東省聊城市政協召開推進會。",
                        null,
                        "山東",
                        "聊城",
                        null),
                    RowFactory.create(
                        "s", "f", 2L, "攻坚突破年 政协见行动", "山东省聊城市政协召开推进会。", "聊城日报", null, null, null),
                    RowFactory.create("b", "f", 3L, "空", "责任编辑：张三", "x", null, null, null)),
                IN);

    StageResult result =
        NormalizeText.apply(
            records.repartition(2), jsc().broadcast(TextNormalizer.defaults()), 100);

    List<Row> good =
        result
            .good()
            .orderBy(Columns.DOC_ID)
            .select(
                Columns.DOC_ID,
                Columns.TITLE,
                Columns.BODY,
                Columns.SOURCE,
                Columns.GIVEN_PROVINCE,
                Columns.GIVEN_CITY,
                Columns.PINYIN_REMOVED,
                Columns.CONTENT_HASH)
            .collectAsList();
    Assertions.assertEquals(2, good.size());
    Row s = good.get(0);
    Row t = good.get(1);
    // Written by hand: the Traditional, pinyin-annotated copy reads exactly as the Simplified one,
    // its 来源 line becomes its source, and so both have one content hash.
    Assertions.assertEquals(
        List.of("t", "攻坚突破年 政协见行动", "山东省聊城市政协召开推进会。", "聊城日报", "山东", "聊城", 2),
        List.of(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6)));
    Assertions.assertEquals(s.getString(7), t.getString(7));
    List<Row> quarantined =
        result
            .quarantine()
            .select(Columns.STAGE, Columns.REASON, Columns.DOC_ID, Columns.RAW)
            .collectAsList();
    Assertions.assertEquals(1, quarantined.size());
    Row q = quarantined.get(0);
    Assertions.assertEquals(
        List.of("normalize", "empty_body", "b", "责任编辑：张三"),
        List.of(q.getString(0), q.getString(1), q.getString(2), q.getString(3)));
  }

  @Test
  void bodyCharsCountsCodePointsOfTheNormalizedBody() {
    // U+20000 (𠀀) is one code point in two UTF-16 units and four UTF-8 bytes; the full-width
    // punctuation stays one character each. Counted by hand: 𠀀 政 协 。 = 4; 山东省政协 = 5.
    Dataset<Row> records =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", "f", 1L, "t", "\uD840\uDC00政协。", null, null, null, null),
                    RowFactory.create("b", "f", 2L, "t", "山東省政協", null, null, null, null)),
                IN);

    List<Row> rows =
        NormalizeText.apply(records, jsc().broadcast(TextNormalizer.defaults()), 100)
            .good()
            .orderBy(Columns.DOC_ID)
            .select(Columns.BODY, Columns.BODY_CHARS)
            .collectAsList();

    Assertions.assertEquals(
        List.of("\uD840\uDC00政协。", "山东省政协"), rows.stream().map(r -> r.getString(0)).toList());
    Assertions.assertEquals(List.of(4, 5), rows.stream().map(r -> r.getInt(1)).toList());
  }
}
