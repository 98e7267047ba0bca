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
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.element_at;

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

  private static final String GRAIN_NO = "_grain";
  private static final String LEVEL_NO = "_level";
  private static final String REGION_NO = "_region";
  private static final String SOURCE_KEY = "_source";
  private static final String TERM_KEY = "_term";

  /**
   * Documents × allowed grains × region levels ({@link #places()}), the unit both counts and
   * denominators sum over, in fixed-width keys only: grain and level as their index, the period as its first day, the
   * region code as a number, the source as a 64-bit hash. Aggregating on such keys stays in
   * Spark's fast fixed-width hash map; with the names and labels as strings it spilled to sorting
   * and cost more than the rest of the job. Labels and names are joined back after counting.
   */
  static Dataset<Row> placeInTime(Dataset<Row> documents, List<String> grains) {
    Column date = col(Columns.PUBLISHED_DATE);
    Column precision = col(Columns.DATE_PRECISION);
    List<Column> slots = new ArrayList<>();
    for (int g = 0; g < grains.size(); g++) {
      String grain = grains.get(g);
      slots.add(struct(lit(g).as(GRAIN_NO), period(grain, date)[1].as(Columns.PERIOD_START), allows(grain, precision).as("ok")));
    }
    Column source = when(col(Columns.SOURCE).isNull(), lit(null).cast("bigint")).otherwise(xxhash64(col(Columns.SOURCE)));
    return documents
        .select(
            source.as(SOURCE_KEY), date.as(Columns.PUBLISHED_DATE),
            transform(col(Columns.TERM_HITS), h -> struct(termKey(h).as(TERM_KEY), h.getField(Columns.MENTIONS).as(Columns.MENTIONS)))
                .as(Columns.TERM_HITS),
            explode(array(slots.toArray(Column[]::new))).as(SLOT), places().as("_places"))
        .filter(col(SLOT + ".ok"))
        .select(col("*"), posexplode(col("_places")).as(new String[] {LEVEL_NO, PLACE}))
        .filter(col(PLACE + "." + Columns.REGION_CODE).isNotNull())
        .select(
            col(SOURCE_KEY), col(Columns.PUBLISHED_DATE), col(Columns.TERM_HITS),
            col(SLOT + "." + GRAIN_NO).as(GRAIN_NO),
            col(SLOT + "." + Columns.PERIOD_START).as(Columns.PERIOD_START),
            col(LEVEL_NO),
            regionNumber(col(PLACE + "." + Columns.REGION_CODE)).as(REGION_NO));
  }

  /** A term's 64-bit key, from a struct with its kind and id: hits travel and group as numbers. */
  private static Column termKey(Column hit) {
    return xxhash64(hit.getField(Columns.TERM_KIND), hit.getField(Columns.TERM_ID));
  }

  /** GB/T 2260 codes are six digits; as a number they key an aggregation without string work. */
  private static Column regionNumber(Column code) {
    return code.cast("bigint");
  }

  /** (level, region number) → code, name and province of every region the documents resolved to. */
  private static Dataset<Row> regionNames(Dataset<Row> documents) {
    return documents
        .select(posexplode(places()).as(new String[] {LEVEL_NO, PLACE}))
        .select(col(LEVEL_NO), col(PLACE + ".*"))
        .filter(col(Columns.REGION_CODE).isNotNull())
        .withColumn(REGION_NO, regionNumber(col(Columns.REGION_CODE)))
        .dropDuplicates(new String[] {LEVEL_NO, REGION_NO});
  }

  /** {@link #apply(Dataset, Dataset, List, String, int)} over the session's shuffle partitions. */
  public static Dataset<Row> apply(Dataset<Row> documents, Dataset<Row> terms, List<String> grains, String snapshotId) {
    return apply(documents, terms, grains, snapshotId, Integer.parseInt(documents.sparkSession().conf().get("spark.sql.shuffle.partitions")));
  }

  /**
   * The table, in {@code partitions} partitions hashed by cell (grain, period, level, region): one
   * shuffle, after which the counts (grouped by cell, term and source, then by cell and term), the
   * denominators (by cell) and their join are co-partitioned and need no other exchange. Cells do
   * not skew: the biggest, a year at country level, holds one row per document and term of that
   * year. Period labels and region names are made once per cell, not once per row.
   */
  public static Dataset<Row> apply(Dataset<Row> documents, Dataset<Row> terms, List<String> grains, String snapshotId, int partitions) {
    String[] cell = {GRAIN_NO, Columns.PERIOD_START, LEVEL_NO, REGION_NO};
    Dataset<Row> placed =
        placeInTime(documents, grains).repartition(Math.max(1, partitions), col(cell[0]), col(cell[1]), col(cell[2]), col(cell[3]));

    List<Column> grainNames = new ArrayList<>();
    Column label = null;
    for (int g = 0; g < grains.size(); g++) {
      grainNames.add(lit(grains.get(g)));
      Column l = period(grains.get(g), col(Columns.PERIOD_START))[0];
      label = label == null ? when(col(GRAIN_NO).equalTo(g), l) : label.when(col(GRAIN_NO).equalTo(g), l);
    }
    Dataset<Row> cells =
        placed
            .groupBy(cell[0], cell[1], cell[2], cell[3])
            .agg(count(lit(1)).as(Columns.REGION_DOCUMENTS))
            .join(broadcast(regionNames(documents)), scala(new String[] {LEVEL_NO, REGION_NO}), "inner")
            .select(
                col(GRAIN_NO), col(Columns.PERIOD_START), col(LEVEL_NO), col(REGION_NO), col(Columns.REGION_DOCUMENTS),
                element_at(array(grainNames.toArray(Column[]::new)), col(GRAIN_NO).plus(1)).as(Columns.GRAIN),
                label.as(Columns.PERIOD), col(Columns.REGION_LEVEL), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                col(Columns.PROVINCE_CODE), col(Columns.PROVINCE_NAME));

    Dataset<Row> counted =
        placed
            .select(col("*"), explode(col(Columns.TERM_HITS)).as(HIT))
            .groupBy(col(GRAIN_NO), col(Columns.PERIOD_START), col(LEVEL_NO), col(REGION_NO), col(HIT + "." + TERM_KEY).as(TERM_KEY))
            .agg(
                sum(col(HIT + "." + Columns.MENTIONS)).cast("bigint").as(Columns.MENTIONS),
                count(lit(1)).as(Columns.DOCUMENTS),
                countDistinct(col(SOURCE_KEY)).as(Columns.SOURCES),
                min(col(Columns.PUBLISHED_DATE)).as(Columns.FIRST_SEEN),
                max(col(Columns.PUBLISHED_DATE)).as(Columns.LAST_SEEN));

    Dataset<Row> dims =
        terms.select(
            termKey(struct(col(Columns.TERM_KIND), col(Columns.TERM_ID))).as(TERM_KEY),
            col(Columns.TERM_KIND), col(Columns.TERM_ID), col(Columns.TERM), col(Columns.CATEGORY));
    return counted
        // A hash join on the co-partitioned cells: no sort of the counts.
        .join(cells.hint("shuffle_hash"), scala(cell), "inner")
        .join(broadcast(dims), scala(new String[] {TERM_KEY}), "left")
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

  /**
   * Every region level as a struct of region_level, region_code, region_name, province_code and
   * province_name, in the order country, province, prefecture, county; the code is null at the
   * levels below the one the document resolved to. Reads the documents table's region columns.
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

  static scala.collection.immutable.Seq<String> scala(String[] names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
