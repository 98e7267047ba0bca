package org.tifa.compare;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tifa.schema.Columns;

/** Hand-written rows of the documents and terms tables, with only the columns comparisons read. */
final class CompareRows {
  private CompareRows() {}

  static final StructType DOCUMENTS =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.PUBLISHED_DATE, DateType)
          .add(Columns.DATE_PRECISION, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType)
          .add(Columns.PREFECTURE_CODE, StringType)
          .add(Columns.PREFECTURE_NAME, StringType)
          .add(Columns.COUNTY_CODE, StringType)
          .add(Columns.COUNTY_NAME, StringType)
          .add(Columns.SLOGANS, createArrayType(StringType))
          .add(Columns.TOPICS, createArrayType(StringType));

  static final StructType TERMS =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.TERM, StringType)
          .add(Columns.CATEGORY, StringType);

  /**
   * Places: a prefecture code and name (its province is taken from the first two digits), or null
   * for none.
   */
  static Row doc(
      String id,
      String date,
      String precision,
      String prefectureCode,
      String prefectureName,
      List<String> slogans,
      List<String> topics) {
    String province = prefectureCode == null ? null : prefectureCode.substring(0, 2) + "0000";
    return RowFactory.create(
        id,
        LocalDate.parse(date),
        precision,
        province,
        province == null ? null : "省" + province,
        prefectureCode,
        prefectureName,
        null,
        null,
        slogans.toArray(String[]::new),
        topics.toArray(String[]::new));
  }

  static Dataset<Row> documents(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), DOCUMENTS).repartition(2);
  }

  static Dataset<Row> terms(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), TERMS);
  }

  /** Rows as lists, doubles rounded to four places, in the order given. */
  static List<List<Object>> values(Dataset<Row> rows, String... columns) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows.selectExpr(columns).collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        row.add(v instanceof Double d ? Math.round(d * 10_000) / 10_000.0 : v);
      }
      out.add(row);
    }
    return out;
  }
}
