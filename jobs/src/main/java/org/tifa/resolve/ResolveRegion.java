package org.tifa.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.tifa.schema.Columns;

/**
 * Stage 3: the subject region of each document, from its given region fields or else from its
 * normalized title and body ({@link RegionResolver}, broadcast once). Adds the documents table's
 * region columns; never quarantines — a document with no region still counts nationally.
 */
public final class ResolveRegion {
  private ResolveRegion() {}

  private static final String RESOLVED = "_region";

  /** The region columns this stage adds, as one struct ({@link #toRow}). */
  public static final StructType RESULT =
      new StructType()
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_LEVEL, StringType)
          .add(Columns.REGION_NAME, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType)
          .add(Columns.PREFECTURE_CODE, StringType)
          .add(Columns.PREFECTURE_NAME, StringType)
          .add(Columns.COUNTY_CODE, StringType)
          .add(Columns.COUNTY_NAME, StringType)
          .add(Columns.REGION_METHOD, StringType)
          .add(Columns.REGION_CONFIDENCE, DoubleType)
          .add(Columns.REGION_EVIDENCE, createArrayType(StringType, false))
          .add(Columns.REGION_GIVEN_UNMATCHED, StringType)
          .add(Columns.TEXT_REGION_CODE, StringType)
          .add(Columns.REGION_BASIS, StringType);

  public static Dataset<Row> apply(Dataset<Row> docs, Broadcast<RegionResolver> resolver) {
    UserDefinedFunction resolve =
        udf(
            (UDF6<String, String, String, String, String, String, Row>)
                (code, province, city, county, title, body) ->
                    toRow(resolver.value().resolve(code, province, city, county, title, body)),
            RESULT);
    Dataset<Row> withRegion =
        docs.withColumn(
            RESOLVED,
            resolve.apply(
                col(Columns.GIVEN_REGION_CODE),
                col(Columns.GIVEN_PROVINCE),
                col(Columns.GIVEN_CITY),
                col(Columns.GIVEN_COUNTY),
                col(Columns.TITLE),
                col(Columns.BODY)));
    return withRegion(withRegion, RESOLVED);
  }

  /**
   * The records with the {@link #RESULT} struct in column {@code struct} spread into columns; the
   * struct goes.
   */
  public static Dataset<Row> withRegion(Dataset<Row> docs, String struct) {
    return docs.select(col("*"), col(struct + ".*")).drop(struct);
  }

  /** A resolution as a row of {@link #RESULT}. */
  public static Row toRow(RegionResolution r) {
    return RowFactory.create(
        r.code(),
        r.level(),
        r.name(),
        r.provinceCode(),
        r.provinceName(),
        r.prefectureCode(),
        r.prefectureName(),
        r.countyCode(),
        r.countyName(),
        r.method(),
        r.confidence(),
        r.evidence(),
        r.givenUnmatched(),
        r.textRegionCode(),
        r.basis());
  }
}
