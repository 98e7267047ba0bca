package org.tifa.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.Region;
import org.tifa.schema.Tables;

/**
 * The {@code regions} table: every division of the gazetteer plus the country row ({@value
 * #COUNTRY_CODE}), so that a BI tool can join any code Tifa writes and roll counts up from county
 * to prefecture to province to country.
 */
public final class BuildRegions {
  private BuildRegions() {}

  public static final String COUNTRY_CODE = "000000";
  public static final String COUNTRY_NAME = "全国";
  public static final String COUNTRY = "country";

  public static Dataset<Row> apply(SparkSession spark, Gazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(COUNTRY_CODE, COUNTRY_NAME, COUNTRY, null, null, null, null, null, null));
    for (Region r : gazetteer.all()) {
      rows.add(
          RowFactory.create(
              r.code(),
              r.name(),
              r.level().id(),
              r.parentCode() == null ? COUNTRY_CODE : r.parentCode(),
              r.provinceCode(),
              r.provinceName(),
              r.prefectureCode(),
              r.prefectureName(),
              r.shortName()));
    }
    return spark.createDataFrame(rows, Tables.REGIONS_SCHEMA);
  }
}
