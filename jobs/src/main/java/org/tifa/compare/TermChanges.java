package org.tifa.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.tifa.aggregate.CountTerms;
import org.tifa.schema.Columns;
import org.tifa.schema.Dimensions;

/**
 * The {@code term_changes} table: per region, period and term, the base and target snapshots'
 * mentions, documents and document shares, their change, a two-proportion z-test of the change
 * ({@link TwoProportion}) and a status (new, gone, up, down, same).
 *
 * <p>Numerators come from each snapshot's term_counts at the grain (at grain {@code all}: its year
 * rows summed per region and term, exact because every document is in exactly one year, whatever
 * its date precision). Denominators come from each snapshot's documents table — every accepted
 * document, by the same level and date-precision rules as term_counts — so a region's document
 * count is right on a side where the term, or every term, is absent. Periods are matched by label:
 * snapshots of different time windows share no period at a finer grain than theirs.
 */
public final class TermChanges {
  private TermChanges() {}

  public static final String NEW = "new";
  public static final String GONE = "gone";
  public static final String UP = "up";
  public static final String DOWN = "down";
  public static final String SAME = "same";
  public static final List<String> STATUSES = List.of(NEW, GONE, UP, DOWN, SAME);

  private static final String LABELS = "_labels";
  private static final String SIDE = "_side";
  private static final String PLACE = "_place";
  private static final String[] CELL = {Columns.PERIOD, Columns.REGION_LEVEL, Columns.REGION_CODE};

  private static final UserDefinedFunction Z =
      udf((UDF4<Long, Long, Long, Long, Double>) TwoProportion::z, DoubleType);
  private static final UserDefinedFunction P =
      udf((UDF1<Double, Double>) TwoProportion::pValue, DoubleType);

  /** term_changes at every level from country down to {@code level}. */
  public static Dataset<Row> of(
      SnapshotTables base, SnapshotTables target, String grain, String level, double alpha) {
    List<String> levels =
        Dimensions.REGION_LEVELS.subList(0, Dimensions.REGION_LEVELS.indexOf(level) + 1);
    return compare(
        counts(base.termCounts(), grain, levels),
        regionDocuments(base.documents(), grain, levels),
        counts(target.termCounts(), grain, levels),
        regionDocuments(target.documents(), grain, levels),
        base.snapshotId(),
        target.snapshotId(),
        grain,
        alpha);
  }

  /**
   * One snapshot's term_counts rows at the grain and levels: period, period_start, region and term
   * labels, mentions, documents. Grain {@code all} sums the year rows into period "all".
   */
  static Dataset<Row> counts(Dataset<Row> termCounts, String grain, List<String> levels) {
    boolean whole = grain.equals(Dimensions.WHOLE_PERIOD);
    Dataset<Row> rows =
        termCounts.filter(
            col(Columns.GRAIN)
                .equalTo(whole ? "year" : grain)
                .and(col(Columns.REGION_LEVEL).isin(levels.toArray())));
    if (!whole) {
      return rows.select(
          col(Columns.PERIOD),
          col(Columns.PERIOD_START),
          col(Columns.REGION_LEVEL),
          col(Columns.REGION_CODE),
          col(Columns.REGION_NAME),
          col(Columns.PROVINCE_CODE),
          col(Columns.PROVINCE_NAME),
          col(Columns.TERM_KIND),
          col(Columns.TERM_ID),
          col(Columns.TERM),
          col(Columns.CATEGORY),
          col(Columns.MENTIONS),
          col(Columns.DOCUMENTS));
    }
    return rows.groupBy(
            col(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID))
        .agg(
            max(Columns.REGION_NAME).as(Columns.REGION_NAME),
            max(Columns.PROVINCE_CODE).as(Columns.PROVINCE_CODE),
            max(Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME),
            max(Columns.TERM).as(Columns.TERM),
            max(Columns.CATEGORY).as(Columns.CATEGORY),
            sum(Columns.MENTIONS).as(Columns.MENTIONS),
            sum(Columns.DOCUMENTS).as(Columns.DOCUMENTS))
        .select(
            lit(Dimensions.WHOLE_PERIOD).as(Columns.PERIOD),
            lit(null).cast("date").as(Columns.PERIOD_START),
            col(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE),
            col(Columns.REGION_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            col(Columns.TERM),
            col(Columns.CATEGORY),
            col(Columns.MENTIONS),
            col(Columns.DOCUMENTS));
  }

  /**
   * All documents of each region and period of one snapshot (period, region_level, region_code,
   * region_documents): a document counts at every level down to the one it resolved to and only at
   * the grains its date precision allows; at grain {@code all} every document counts once.
   */
  static Dataset<Row> regionDocuments(Dataset<Row> documents, String grain, List<String> levels) {
    boolean whole = grain.equals(Dimensions.WHOLE_PERIOD);
    Dataset<Row> placed =
        documents
            .select(
                col(Columns.PUBLISHED_DATE),
                col(Columns.DATE_PRECISION),
                explode(CountTerms.places()).as(PLACE))
            .filter(
                col(PLACE + "." + Columns.REGION_CODE)
                    .isNotNull()
                    .and(col(PLACE + "." + Columns.REGION_LEVEL).isin(levels.toArray())));
    if (!whole) {
      placed = placed.filter(CountTerms.allows(grain, col(Columns.DATE_PRECISION)));
    }
    Column period =
        whole
            ? lit(Dimensions.WHOLE_PERIOD)
            : CountTerms.period(grain, col(Columns.PUBLISHED_DATE))[0];
    return placed
        .groupBy(
            period.as(Columns.PERIOD),
            col(PLACE + "." + Columns.REGION_LEVEL).as(Columns.REGION_LEVEL),
            col(PLACE + "." + Columns.REGION_CODE).as(Columns.REGION_CODE))
        .agg(count(lit(1)).as(Columns.REGION_DOCUMENTS));
  }

  /**
   * Full outer join of the two sides' counts on (period, region_level, region_code, term_kind,
   * term_id), each side's region documents joined on (period, region_level, region_code), then the
   * shares, their change, the test and the status. Labels (names, term, category, period_start) are
   * the target's where it has the row.
   */
  static Dataset<Row> compare(
      Dataset<Row> baseCounts,
      Dataset<Row> baseRegions,
      Dataset<Row> targetCounts,
      Dataset<Row> targetRegions,
      String baseId,
      String targetId,
      String grain,
      double alpha) {
    Dataset<Row> both =
        side(baseCounts, 0)
            .unionByName(side(targetCounts, 1))
            .groupBy(
                col(Columns.PERIOD),
                col(Columns.REGION_LEVEL),
                col(Columns.REGION_CODE),
                col(Columns.TERM_KIND),
                col(Columns.TERM_ID))
            .agg(
                max_by(col(LABELS), col(SIDE)).as(LABELS),
                sum(Columns.BASE_MENTIONS).as(Columns.BASE_MENTIONS),
                sum(Columns.TARGET_MENTIONS).as(Columns.TARGET_MENTIONS),
                sum(Columns.BASE_DOCUMENTS).as(Columns.BASE_DOCUMENTS),
                sum(Columns.TARGET_DOCUMENTS).as(Columns.TARGET_DOCUMENTS))
            .join(
                baseRegions.withColumnRenamed(
                    Columns.REGION_DOCUMENTS, Columns.BASE_REGION_DOCUMENTS),
                CELL,
                "left")
            .join(
                targetRegions.withColumnRenamed(
                    Columns.REGION_DOCUMENTS, Columns.TARGET_REGION_DOCUMENTS),
                CELL,
                "left");

    Column x1 = col(Columns.BASE_DOCUMENTS);
    Column x2 = col(Columns.TARGET_DOCUMENTS);
    Column n1 = col(Columns.BASE_REGION_DOCUMENTS);
    Column n2 = col(Columns.TARGET_REGION_DOCUMENTS);
    Column s1 = when(n1.gt(0), x1.cast("double").divide(n1));
    Column s2 = when(n2.gt(0), x2.cast("double").divide(n2));
    Column z = col(Columns.Z_SCORE);
    Column p = col(Columns.P_VALUE);
    Column status =
        when(x1.equalTo(0).and(x2.gt(0)), lit(NEW))
            .when(x1.gt(0).and(x2.equalTo(0)), lit(GONE))
            .when(p.lt(alpha).and(z.gt(0)), lit(UP))
            .when(p.lt(alpha).and(z.lt(0)), lit(DOWN))
            .otherwise(lit(SAME));
    return both.na()
        .fill(0L, new String[] {Columns.BASE_REGION_DOCUMENTS, Columns.TARGET_REGION_DOCUMENTS})
        .withColumn(Columns.BASE_SHARE, s1)
        .withColumn(Columns.TARGET_SHARE, s2)
        .withColumn(Columns.Z_SCORE, Z.apply(x1, n1, x2, n2))
        .withColumn(Columns.P_VALUE, P.apply(z))
        .select(
            lit(baseId).as(Columns.BASE_SNAPSHOT_ID),
            lit(targetId).as(Columns.TARGET_SNAPSHOT_ID),
            lit(grain).as(Columns.GRAIN),
            col(Columns.PERIOD),
            col(LABELS + "." + Columns.PERIOD_START).as(Columns.PERIOD_START),
            col(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE),
            col(LABELS + "." + Columns.REGION_NAME).as(Columns.REGION_NAME),
            col(LABELS + "." + Columns.PROVINCE_CODE).as(Columns.PROVINCE_CODE),
            col(LABELS + "." + Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            col(LABELS + "." + Columns.TERM).as(Columns.TERM),
            col(LABELS + "." + Columns.CATEGORY).as(Columns.CATEGORY),
            col(Columns.BASE_MENTIONS),
            col(Columns.TARGET_MENTIONS),
            x1,
            x2,
            n1,
            n2,
            col(Columns.BASE_SHARE),
            col(Columns.TARGET_SHARE),
            col(Columns.TARGET_SHARE).minus(col(Columns.BASE_SHARE)).as(Columns.SHARE_CHANGE),
            when(
                    col(Columns.BASE_SHARE).gt(0),
                    col(Columns.TARGET_SHARE)
                        .minus(col(Columns.BASE_SHARE))
                        .divide(col(Columns.BASE_SHARE)))
                .as(Columns.SHARE_CHANGE_RELATIVE),
            z,
            p,
            status.as(Columns.STATUS));
  }

  /** One side's counts with its figures in its own columns (the other side's are 0). */
  private static Dataset<Row> side(Dataset<Row> counts, int side) {
    Column mentions = col(Columns.MENTIONS).cast("bigint");
    Column documents = col(Columns.DOCUMENTS).cast("bigint");
    Column zero = lit(0L);
    return counts.select(
        col(Columns.PERIOD),
        col(Columns.REGION_LEVEL),
        col(Columns.REGION_CODE),
        col(Columns.TERM_KIND),
        col(Columns.TERM_ID),
        struct(
                col(Columns.PERIOD_START),
                col(Columns.REGION_NAME),
                col(Columns.PROVINCE_CODE),
                col(Columns.PROVINCE_NAME),
                col(Columns.TERM),
                col(Columns.CATEGORY))
            .as(LABELS),
        lit(side).as(SIDE),
        (side == 0 ? mentions : zero).as(Columns.BASE_MENTIONS),
        (side == 1 ? mentions : zero).as(Columns.TARGET_MENTIONS),
        (side == 0 ? documents : zero).as(Columns.BASE_DOCUMENTS),
        (side == 1 ? documents : zero).as(Columns.TARGET_DOCUMENTS));
  }
}
