package org.tifa.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tifa.Columns;
import org.tifa.Tables;

/**
 * The {@code term_counts} table: for every grain, period, region (at every level the document
 * rolls up to, country included) and term, the mentions, documents and sources, over the number
 * of documents of that region and period. A document counts only at the grains its date
 * precision allows (a year-only date counts at year grain), and at every level above the one its
 * region resolved to; a document with no region counts at country level only.
 *
 * <p>Input: accepted documents with {@link Columns#TERM_HITS} (array of struct term_kind,
 * term_id, mentions) and the terms dimension (term_kind, term_id, term, category).
 */
public final class CountTerms {
  private CountTerms() {}

  private static final String SLOT = "_slot";
  private static final String PLACE = "_place";
  private static final String HIT = "_hit";

  /** The grains a date precision allows: finer grains are not known for coarser dates. */
  public static Column allows(String grain, Column precision) {
    return switch (grain) {
      case "year" -> lit(true);
      case "quarter", "month" -> precision.isin("day", "month");
      default -> precision.equalTo("day");
    };
  }

  /** The period label and first day of a date at a grain; weeks are ISO weeks. */
  public static Column[] period(String grain, Column date) {
    return switch (grain) {
      case "day" -> new Column[] {date_format(date, "yyyy-MM-dd"), date};
      case "week" -> {
        Column monday = date_trunc("week", date).cast("date");
        Column isoYear = year(date_add(monday, 3));
        yield new Column[] {concat(isoYear.cast("string"), lit("-W"), lpad(weekofyear(date).cast("string"), 2, "0")), monday};
      }
      case "month" -> new Column[] {date_format(date, "yyyy-MM"), date_trunc("month", date).cast("date")};
      case "quarter" -> new Column[] {
        concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string")), date_trunc("quarter", date).cast("date")
      };
      case "year" -> new Column[] {year(date).cast("string"), date_trunc("year", date).cast("date")};
      default -> throw new IllegalArgumentException("unknown grain " + grain);
    };
  }

  /** Documents × allowed grains × region levels: the unit both counts and denominators sum over. */
  static Dataset<Row> placeInTime(Dataset<Row> documents, List<String> grains) {
    Column date = col(Columns.PUBLISHED_DATE);
    Column precision = col(Columns.DATE_PRECISION);
    List<Column> slots = new ArrayList<>();
    for (String g : grains) {
      Column[] p = period(g, date);
      slots.add(
          struct(lit(g).as(Columns.GRAIN), p[0].as(Columns.PERIOD), p[1].as(Columns.PERIOD_START), allows(g, precision).as("ok")));
    }
    return documents
        .select(
            col(Columns.DOC_ID), col(Columns.SOURCE), date.as(Columns.PUBLISHED_DATE), col(Columns.TERM_HITS),
            explode(array(slots.toArray(Column[]::new))).as(SLOT), places().as("_places"))
        .filter(col(SLOT + ".ok"))
        .select(col("*"), explode(col("_places")).as(PLACE))
        .filter(col(PLACE + "." + Columns.REGION_CODE).isNotNull())
        .select(
            col(Columns.DOC_ID), col(Columns.SOURCE), col(Columns.PUBLISHED_DATE), col(Columns.TERM_HITS),
            col(SLOT + "." + Columns.GRAIN).as(Columns.GRAIN),
            col(SLOT + "." + Columns.PERIOD).as(Columns.PERIOD),
            col(SLOT + "." + Columns.PERIOD_START).as(Columns.PERIOD_START),
            col(PLACE + "." + Columns.REGION_LEVEL).as(Columns.REGION_LEVEL),
            col(PLACE + "." + Columns.REGION_CODE).as(Columns.REGION_CODE),
            col(PLACE + "." + Columns.REGION_NAME).as(Columns.REGION_NAME),
            col(PLACE + "." + Columns.PROVINCE_CODE).as(Columns.PROVINCE_CODE),
            col(PLACE + "." + Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME));
  }

  /**
   * A document's places, one struct per region level (country, province, prefecture, county) with
   * region_level, region_code, region_name, province_code and province_name; the code is null at
   * the levels below the one the document resolved to. Reads the documents table's region columns.
   */
  public static Column places() {
    return array(
        place("country", lit(BuildRegions.COUNTRY_CODE), lit(BuildRegions.COUNTRY_NAME), lit(null), lit(null)),
        place("province", col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME), col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME)),
        place("prefecture", col(Columns.PREFECTURE_CODE), col(Columns.PREFECTURE_NAME), col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME)),
        place("county", col(Columns.COUNTY_CODE), col(Columns.COUNTY_NAME), col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME)));
  }

  private static Column place(String level, Column code, Column name, Column provinceCode, Column provinceName) {
    return struct(
        lit(level).as(Columns.REGION_LEVEL),
        code.as(Columns.REGION_CODE),
        coalesce(name, code).as(Columns.REGION_NAME),
        provinceCode.cast("string").as(Columns.PROVINCE_CODE),
        provinceName.cast("string").as(Columns.PROVINCE_NAME));
  }

  public static Dataset<Row> apply(Dataset<Row> documents, Dataset<Row> terms, List<String> grains, String snapshotId) {
    Dataset<Row> placed = placeInTime(documents, grains);
    String[] cell = {Columns.GRAIN, Columns.PERIOD, Columns.REGION_LEVEL, Columns.REGION_CODE};
    Dataset<Row> denominators = placed.groupBy(cell[0], cell[1], cell[2], cell[3]).agg(count(lit(1)).as(Columns.REGION_DOCUMENTS));

    Dataset<Row> counted =
        placed
            .select(col("*"), explode(col(Columns.TERM_HITS)).as(HIT))
            .groupBy(
                col(Columns.GRAIN), col(Columns.PERIOD), col(Columns.PERIOD_START), col(Columns.REGION_LEVEL),
                col(Columns.REGION_CODE), col(Columns.REGION_NAME), col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME),
                col(HIT + "." + Columns.TERM_KIND).as(Columns.TERM_KIND), col(HIT + "." + Columns.TERM_ID).as(Columns.TERM_ID))
            .agg(
                sum(col(HIT + "." + Columns.MENTIONS)).cast("bigint").as(Columns.MENTIONS),
                count(lit(1)).as(Columns.DOCUMENTS),
                countDistinct(col(Columns.SOURCE)).as(Columns.SOURCES),
                min(col(Columns.PUBLISHED_DATE)).as(Columns.FIRST_SEEN),
                max(col(Columns.PUBLISHED_DATE)).as(Columns.LAST_SEEN));

    Dataset<Row> dims = terms.select(Columns.TERM_KIND, Columns.TERM_ID, Columns.TERM, Columns.CATEGORY);
    return counted
        .join(denominators, scala(cell), "inner")
        .join(broadcast(dims), scala(new String[] {Columns.TERM_KIND, Columns.TERM_ID}), "left")
        .select(
            lit(snapshotId).as(Columns.SNAPSHOT_ID),
            col(Columns.GRAIN), col(Columns.PERIOD), col(Columns.PERIOD_START), col(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE), col(Columns.REGION_NAME), col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME),
            col(Columns.TERM_KIND), col(Columns.TERM_ID), coalesce(col(Columns.TERM), col(Columns.TERM_ID)).as(Columns.TERM),
            col(Columns.CATEGORY), col(Columns.MENTIONS), col(Columns.DOCUMENTS), col(Columns.SOURCES),
            col(Columns.REGION_DOCUMENTS),
            col(Columns.DOCUMENTS).cast("double").divide(col(Columns.REGION_DOCUMENTS)).as(Columns.DOCUMENT_SHARE),
            col(Columns.FIRST_SEEN), col(Columns.LAST_SEEN));
  }

  static scala.collection.immutable.Seq<String> scala(String[] names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
