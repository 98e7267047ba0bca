package org.tifa.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.tifa.aggregate.CellCounter.CellTermCount;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;

/**
 * The {@code term_counts} table: for every grain, period, region (at every level the document rolls
 * up to, country included) and term, the mentions, documents, documents about the term
 * (weighted_documents: a topic at or above the minimum salience, every slogan) and sources, over
 * the number of documents of that region and period. A document counts only at the grains its date
 * precision allows (a year-only date counts at year grain), and at every level above the one its
 * region resolved to; a document with no region counts at country level only.
 *
 * <p>Input: accepted documents with {@link Columns#TERM_HITS} (array of struct term_kind, term_id,
 * mentions, term_key, salience, about) and the terms dimension (term_kind, term_id, term,
 * category).
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
        yield new Column[] {
          concat(isoYear.cast("string"), lit("-W"), lpad(weekofyear(date).cast("string"), 2, "0")),
          monday
        };
      }
      case "month" ->
          new Column[] {date_format(date, "yyyy-MM"), date_trunc("month", date).cast("date")};
      case "quarter" ->
          new Column[] {
            concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string")),
            date_trunc("quarter", date).cast("date")
          };
      case "year" ->
          new Column[] {year(date).cast("string"), date_trunc("year", date).cast("date")};
      default -> throw new IllegalArgumentException("unknown grain " + grain);
    };
  }

  private static final String GRAIN_NO = "grainNo";
  private static final String PERIOD_DAY = "periodDay";
  private static final String PERIOD_YEAR = "_periodYear";
  private static final String YEARS = "_years";
  private static final String PLACES = "_places";
  private static final String LEVEL_NO = "levelNo";
  private static final String REGION_NO = "regionNo";
  private static final String SOURCE_KEY = "sourceKey";
  private static final String DAY = "day";
  private static final String TERM_KEYS = "termKeys";
  private static final String TERM_MENTIONS = "termMentions";
  private static final String TERM_ABOUT = "termAbout";
  private static final String TERM_KEY = "termKey";

  /**
   * The year a grain's period of a date lies in whole: the calendar year, except for ISO weeks,
   * whose year is that of their Thursday (2025-12-29 is in 2026-W01). Every cell of a grain and
   * region lies within one such year, so (level, region, year) can partition the counting.
   */
  static Column periodYear(String grain, Column date) {
    return grain.equals("week")
        ? year(date_add(date_trunc("week", date).cast("date"), 3))
        : year(date);
  }

  /**
   * Documents × region levels ({@link #places()}), as the fields of {@link
   * CellCounter.PlacedDocument}: the level as its index, the region code as a number, and for every
   * grain (by index) the first day of its period in days since 1970, with the grain's index where
   * the document counts at that grain and {@link CellCounter#NOT_PLACED} where it does not; then
   * the document's day, its source as a 64-bit hash and its hits as parallel arrays of term keys,
   * mentions and about flags. A document whose grains' periods lie in two years (the days around
   * New Year, where an ISO week belongs to the other year) is placed once per year, each with its
   * own grains; the year column {@code _periodYear} partitions the counting. Labels and names are
   * joined back after counting, once per cell and region.
   *
   * <p>Only expressions Spark compiles: a lambda ({@code transform}, {@code filter}) is interpreted
   * per element and looked the session configuration up each time, which cost more than the
   * counting.
   */
  static Dataset<Row> placeInTime(Dataset<Row> documents, List<String> grains) {
    Column date = col(Columns.PUBLISHED_DATE);
    Column precision = col(Columns.DATE_PRECISION);
    int n = grains.size();
    Column[] years = new Column[n];
    List<Column> perGrain = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      String grain = grains.get(g);
      // Null where the date's precision does not allow the grain: the document is not placed there.
      years[g] = when(coalesce(allows(grain, precision), lit(false)), periodYear(grain, date));
      perGrain.add(years[g].as(PERIOD_YEAR + g));
      perGrain.add(coalesce(unix_date(period(grain, date)[1]), lit(0)).as(PERIOD_DAY + g));
    }
    Column[] grainNos = new Column[n];
    Column[] periodDays = new Column[n];
    for (int g = 0; g < n; g++) {
      grainNos[g] =
          when(col(PERIOD_YEAR + g).equalTo(col(PERIOD_YEAR)), lit(g))
              .otherwise(lit(CellCounter.NOT_PLACED));
      periodDays[g] = col(PERIOD_DAY + g);
    }
    Column source =
        when(col(Columns.SOURCE).isNull(), lit(null).cast("bigint"))
            .otherwise(xxhash64(col(Columns.SOURCE)));
    List<Column> first =
        new ArrayList<>(
            List.of(
                source.as(SOURCE_KEY),
                unix_date(date).as(DAY),
                col(Columns.TERM_HITS + "." + Columns.TERM_KEY).as(TERM_KEYS),
                col(Columns.TERM_HITS + "." + Columns.MENTIONS).as(TERM_MENTIONS),
                col(Columns.TERM_HITS + "." + Columns.ABOUT).as(TERM_ABOUT),
                array_distinct(array(years)).as(YEARS),
                places().as(PLACES)));
    first.addAll(perGrain);
    return documents
        .select(first.toArray(Column[]::new))
        .select(col("*"), explode(col(YEARS)).as(PERIOD_YEAR))
        .filter(col(PERIOD_YEAR).isNotNull())
        .select(col("*"), posexplode(col(PLACES)).as(new String[] {LEVEL_NO, PLACE}))
        .filter(col(PLACE + "." + Columns.REGION_CODE).isNotNull())
        .select(
            col(LEVEL_NO),
            regionNumber(col(PLACE + "." + Columns.REGION_CODE)).as(REGION_NO),
            col(PERIOD_YEAR),
            array(grainNos).as(GRAIN_NOS),
            array(periodDays).as(PERIOD_DAYS),
            col(SOURCE_KEY),
            col(DAY),
            col(TERM_KEYS),
            col(TERM_MENTIONS),
            col(TERM_ABOUT));
  }

  private static final String GRAIN_NOS = "grainNos";
  private static final String PERIOD_DAYS = "periodDays";

  /**
   * A term's 64-bit key ({@link TermDictionary#key}), as the hits carry it: terms group as numbers.
   */
  private static Column termKey(Column kind, Column id) {
    return udf((UDF2<String, String, Long>) TermDictionary::key, LongType)
        .asNonNullable()
        .apply(kind, id);
  }

  /** GB/T 2260 codes are six digits; as a number they key an aggregation without string work. */
  private static Column regionNumber(Column code) {
    return code.cast("bigint");
  }

  /**
   * What counting needs of the documents besides their cells, from one aggregation over them: the
   * number of term hits (to size the counting), the distinct days published (for period labels) and
   * every region the documents resolved to, at each level, with its name and province.
   */
  public record Survey(long hits, List<LocalDate> days, List<Region> regions) {
    public Survey {
      days = List.copyOf(days);
      regions = List.copyOf(regions);
    }

    /** The level (index into {@link #places()}) and the place struct's fields of one region. */
    public record Region(
        int levelNo,
        String level,
        String code,
        String name,
        String provinceCode,
        String provinceName) {}

    public static Survey of(Dataset<Row> documents) {
      // Not size() of a null array: that is -1 unless ANSI mode is on.
      Column hits =
          when(col(Columns.TERM_HITS).isNull(), lit(0)).otherwise(size(col(Columns.TERM_HITS)));
      Row r =
          documents
              .select(
                  col(Columns.PUBLISHED_DATE),
                  hits.as(HITS),
                  posexplode(places()).as(new String[] {LEVEL_NO, PLACE}))
              .agg(
                  sum(when(col(LEVEL_NO).equalTo(0), col(HITS))),
                  collect_set(col(Columns.PUBLISHED_DATE)),
                  collect_set(
                      when(
                          col(PLACE + "." + Columns.REGION_CODE).isNotNull(),
                          struct(col(LEVEL_NO), col(PLACE + ".*")))))
              .first();
      List<LocalDate> days = new ArrayList<>();
      for (Object d : r.getList(1)) {
        days.add(d instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) d);
      }
      days.sort(null);
      // One entry per (level, code), whatever order the set came in: the smallest by name and
      // province.
      TreeMap<String, Region> regions = new TreeMap<>();
      for (Row p : r.<Row>getList(2)) {
        Region region =
            new Region(
                p.getInt(0),
                p.getString(1),
                p.getString(2),
                p.getString(3),
                p.getString(4),
                p.getString(5));
        regions.merge(
            region.levelNo() + "/" + region.code(),
            region,
            (x, y) -> REGION_ORDER.compare(x, y) <= 0 ? x : y);
      }
      return new Survey(r.isNullAt(0) ? 0 : r.getLong(0), days, new ArrayList<>(regions.values()));
    }

    private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Region> REGION_ORDER =
        Comparator.comparing(Region::name, TEXT)
            .thenComparing(Region::provinceCode, TEXT)
            .thenComparing(Region::provinceName, TEXT);
  }

  private static final String HITS = "_hits";

  private static final StructType REGION_NAMES =
      new StructType()
          .add(LEVEL_NO, IntegerType)
          .add(Columns.REGION_LEVEL, StringType)
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_NAME, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType);

  /** (level, region number) → code, name and province of every region the documents resolved to. */
  private static Dataset<Row> regionNames(SparkSession spark, Survey survey) {
    List<Row> rows = new ArrayList<>();
    for (Survey.Region g : survey.regions()) {
      rows.add(
          RowFactory.create(
              g.levelNo(), g.level(), g.code(), g.name(), g.provinceCode(), g.provinceName()));
    }
    return spark
        .createDataFrame(rows, REGION_NAMES)
        .withColumn(REGION_NO, regionNumber(col(Columns.REGION_CODE)));
  }

  /**
   * (grain number, period's first day) → grain name and period label, for every period the
   * documents fall in: a few thousand rows, made once instead of once per output row.
   */
  private static Dataset<Row> periodLabels(SparkSession spark, Survey survey, List<String> grains) {
    List<Row> dayRows = survey.days().stream().map(d -> RowFactory.create(d)).toList();
    Dataset<Row> days =
        spark.createDataFrame(dayRows, new StructType().add(Columns.PUBLISHED_DATE, DateType));
    Dataset<Row> out = null;
    for (int g = 0; g < grains.size(); g++) {
      Column[] p = period(grains.get(g), col(Columns.PUBLISHED_DATE));
      Dataset<Row> labels =
          days.select(
                  lit(g).as(GRAIN_NO),
                  unix_date(p[1]).as(PERIOD_DAY),
                  lit(grains.get(g)).as(Columns.GRAIN),
                  p[0].as(Columns.PERIOD))
              .distinct();
      out = out == null ? labels : out.union(labels);
    }
    return out;
  }

  /**
   * {@link #apply(Dataset, Survey, Dataset, List, String, int)} over the session's shuffle
   * partitions.
   */
  public static Dataset<Row> apply(
      Dataset<Row> documents, Dataset<Row> terms, List<String> grains, String snapshotId) {
    int partitions =
        Integer.parseInt(documents.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    return apply(documents, Survey.of(documents), terms, grains, snapshotId, partitions);
  }

  /**
   * The table, from one shuffle of the placed documents (one row per document and region level)
   * into {@code partitions} partitions hashed by (level, region, year), after which {@link
   * CellCounter} counts each partition on its own, every grain at once: no other exchange, and no
   * row per document and term ever exists. The biggest group, the country in one year, holds one
   * row per document of that year, as the year's country cell must. Period labels, region and term
   * names are joined from small broadcast tables, made on the driver from the documents' {@link
   * Survey}.
   */
  public static Dataset<Row> apply(
      Dataset<Row> documents,
      Survey survey,
      Dataset<Row> terms,
      List<String> grains,
      String snapshotId,
      int partitions) {
    SparkSession spark = documents.sparkSession();
    Dataset<Row> counted =
        placeInTime(documents, grains)
            .repartition(Math.max(1, partitions), col(LEVEL_NO), col(REGION_NO), col(PERIOD_YEAR))
            .drop(PERIOD_YEAR)
            .as(Encoders.bean(CellCounter.PlacedDocument.class))
            .mapPartitions(
                (MapPartitionsFunction<CellCounter.PlacedDocument, CellCounter.CellTermCount>)
                    CellCounter::count,
                Encoders.bean(CellCounter.CellTermCount.class))
            .toDF();
    Dataset<Row> dims =
        terms.select(
            termKey(col(Columns.TERM_KIND), col(Columns.TERM_ID)).as(TERM_KEY),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            col(Columns.TERM),
            col(Columns.CATEGORY));
    return counted
        .join(
            broadcast(periodLabels(spark, survey, grains)),
            new String[] {GRAIN_NO, PERIOD_DAY},
            "inner")
        .join(broadcast(regionNames(spark, survey)), new String[] {LEVEL_NO, REGION_NO}, "inner")
        .join(broadcast(dims), new String[] {TERM_KEY}, "left")
        .select(
            lit(snapshotId).as(Columns.SNAPSHOT_ID),
            col(Columns.GRAIN),
            col(Columns.PERIOD),
            date_from_unix_date(col(PERIOD_DAY)).as(Columns.PERIOD_START),
            col(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE),
            col(Columns.REGION_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            coalesce(col(Columns.TERM), col(Columns.TERM_ID)).as(Columns.TERM),
            col(Columns.CATEGORY),
            col(CellTermCount.MENTIONS).as(Columns.MENTIONS),
            col(CellTermCount.DOCUMENTS).as(Columns.DOCUMENTS),
            col(CellTermCount.WEIGHTED_DOCUMENTS).as(Columns.WEIGHTED_DOCUMENTS),
            col(CellTermCount.SOURCES).as(Columns.SOURCES),
            col(CellTermCount.CELL_DOCUMENTS).as(Columns.REGION_DOCUMENTS),
            col(CellTermCount.DOCUMENTS)
                .cast("double")
                .divide(col(CellTermCount.CELL_DOCUMENTS))
                .as(Columns.DOCUMENT_SHARE),
            date_from_unix_date(col(CellTermCount.FIRST_DAY)).as(Columns.FIRST_SEEN),
            date_from_unix_date(col(CellTermCount.LAST_DAY)).as(Columns.LAST_SEEN));
  }

  /**
   * Every region level as a struct of region_level, region_code, region_name, province_code and
   * province_name, in the order country, province, prefecture, county; the code is null at the
   * levels below the one the document resolved to. Reads the documents table's region columns.
   */
  public static Column places() {
    return array(
        place(
            "country",
            lit(BuildRegions.COUNTRY_CODE),
            lit(BuildRegions.COUNTRY_NAME),
            lit(null),
            lit(null)),
        place(
            "province",
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME)),
        place(
            "prefecture",
            col(Columns.PREFECTURE_CODE),
            col(Columns.PREFECTURE_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME)),
        place(
            "county",
            col(Columns.COUNTY_CODE),
            col(Columns.COUNTY_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME)));
  }

  private static Column place(
      String level, Column code, Column name, Column provinceCode, Column provinceName) {
    return struct(
        lit(level).as(Columns.REGION_LEVEL),
        code.as(Columns.REGION_CODE),
        coalesce(name, code).as(Columns.REGION_NAME),
        provinceCode.cast("string").as(Columns.PROVINCE_CODE),
        provinceName.cast("string").as(Columns.PROVINCE_NAME));
  }
}
