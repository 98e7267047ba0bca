package org.tifa.resolve;

import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.reference.Gazetteer;
import org.tifa.schema.Columns;

class ResolveRegionTest extends SparkTest {
  @Test
  void addsTheRegionColumnsFromGivenFieldsOrText() {
    StructType in =
        new StructType()
            .add(Columns.DOC_ID, StringType)
            .add(Columns.GIVEN_REGION_CODE, StringType)
            .add(Columns.GIVEN_PROVINCE, StringType)
            .add(Columns.GIVEN_CITY, StringType)
            .add(Columns.GIVEN_COUNTY, StringType)
            .add(Columns.TITLE, StringType)
            .add(Columns.BODY, StringType);
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("given", "370100", null, null, null, "会议", "正文"),
                    RowFactory.create(
                        "overruled", null, "内蒙古自治区", "通辽市", null, "呼伦贝尔市政协召开全会", "会议审议了工作报告。"),
                    RowFactory.create(
                        "text", null, null, null, null, "临清市召开会议", "山东省聊城市临清市召开乡村振兴工作会议。"),
                    RowFactory.create("none", null, null, null, null, "政府工作报告", "坚持稳中求进工作总基调。")),
                in);

    List<Row> rows =
        ResolveRegion.apply(docs, jsc().broadcast(new RegionResolver(Gazetteer.loadDefault())))
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
    Assertions.assertEquals(
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
                  java.util.List<String> cells = new java.util.ArrayList<>();
                  for (int i = 0; i < r.size(); i++) {
                    cells.add(r.isNullAt(i) ? "-" : r.getString(i));
                  }
                  return cells;
                })
            .toList());
  }
}
