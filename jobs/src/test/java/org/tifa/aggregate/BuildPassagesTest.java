package org.tifa.aggregate;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;

class BuildPassagesTest extends SparkTest {
  private static final String[] RECORD = {Columns.INPUT_FILE, Columns.INPUT_LINE};

  @Test
  void uniqueTextsJoinEachUniqueDocumentToItsBodyAndDropTheCopies() {
    // Three accepted records in two files; a.jsonl line 2 is a copy of line 1 and not unique.
    Dataset<Row> texts =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a.jsonl", 1L, "标题一", "正文一"),
                    RowFactory.create("a.jsonl", 2L, "标题一", "正文一"),
                    RowFactory.create("b.jsonl", 1L, "标题二", "正文二")),
                new StructType()
                    .add(Columns.INPUT_FILE, StringType)
                    .add(Columns.INPUT_LINE, LongType)
                    .add(Columns.TITLE, StringType)
                    .add(Columns.BODY, StringType));
    Dataset<Row> unique =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a.jsonl", 1L, "d1", "标题一", "370000"),
                    RowFactory.create("b.jsonl", 1L, "d2", "标题二", null)),
                new StructType()
                    .add(Columns.INPUT_FILE, StringType)
                    .add(Columns.INPUT_LINE, LongType)
                    .add(Columns.DOC_ID, StringType)
                    .add(Columns.TITLE, StringType)
                    .add(Columns.PROVINCE_CODE, StringType));

    Dataset<Row> joined = BuildPassages.uniqueTexts(texts, unique, 3, RECORD);

    Assertions.assertEquals(3, joined.rdd().getNumPartitions());
    // One title (the document's), the body, every column of the unique documents.
    Assertions.assertEquals(
        List.of(
            Columns.INPUT_FILE,
            Columns.INPUT_LINE,
            Columns.BODY,
            Columns.DOC_ID,
            Columns.TITLE,
            Columns.PROVINCE_CODE),
        List.of(joined.columns()));
    Map<String, String> bodies = new TreeMap<>();
    for (Row r : joined.collectAsList()) {
      bodies.put(
          r.getAs(Columns.DOC_ID),
          r.getAs(Columns.TITLE)
              + "|"
              + r.getAs(Columns.BODY)
              + "|"
              + r.getAs(Columns.PROVINCE_CODE));
    }
    Assertions.assertEquals(Map.of("d1", "标题一|正文一|370000", "d2", "标题二|正文二|null"), bodies);
  }
}
