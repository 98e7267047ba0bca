package org.tifa.compare;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tifa.schema.Columns;

/**
 * The {@code term_diffusion} table: for every slogan and topic of a snapshot, the regions of one
 * level in the order they first mentioned it, with the date and document of the first mention, the
 * rank of appearance (regions of the same day share it), the days since the term's first region and
 * how many regions it reached.
 *
 * <p>Input: the snapshot's documents (only documents dated to the day count: a month or a year
 * cannot say which region came first) and terms (display form, category).
 */
public final class TermDiffusion {
  private TermDiffusion() {}

  private static final String FIRST = "_first";

  public static Dataset<Row> of(
      Dataset<Row> documents, Dataset<Row> terms, String level, String snapshotId) {
    Dataset<Row> mentions =
        DocumentTerms.mentions(
            DocumentTerms.placed(
                documents.filter(col(Columns.DATE_PRECISION).equalTo("day")), level));
    Dataset<Row> firsts =
        mentions
            .groupBy(
                col(Columns.TERM_KIND),
                col(Columns.TERM_ID),
                col(Columns.REGION_LEVEL),
                col(Columns.REGION_CODE))
            .agg(
                min(struct(col(Columns.PUBLISHED_DATE), col(Columns.DOC_ID))).as(FIRST),
                countDistinct(col(Columns.DOC_ID)).as(Columns.DOCUMENTS),
                max(Columns.REGION_NAME).as(Columns.REGION_NAME),
                max(Columns.PROVINCE_CODE).as(Columns.PROVINCE_CODE),
                max(Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME));
    WindowSpec term = Window.partitionBy(Columns.TERM_KIND, Columns.TERM_ID);
    Dataset<Row> labels =
        terms.select(Columns.TERM_KIND, Columns.TERM_ID, Columns.TERM, Columns.CATEGORY);
    return firsts
        .withColumn(Columns.FIRST_SEEN, col(FIRST + "." + Columns.PUBLISHED_DATE))
        .join(broadcast(labels), new String[] {Columns.TERM_KIND, Columns.TERM_ID}, "left")
        .select(
            lit(snapshotId).as(Columns.SNAPSHOT_ID),
            col(Columns.REGION_LEVEL),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            coalesce(col(Columns.TERM), col(Columns.TERM_ID)).as(Columns.TERM),
            col(Columns.CATEGORY),
            col(Columns.REGION_CODE),
            coalesce(col(Columns.REGION_NAME), col(Columns.REGION_CODE)).as(Columns.REGION_NAME),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME),
            col(Columns.FIRST_SEEN),
            col(FIRST + "." + Columns.DOC_ID).as(Columns.FIRST_DOC_ID),
            col(Columns.DOCUMENTS),
            rank()
                .over(term.orderBy(col(Columns.FIRST_SEEN)))
                .cast("int")
                .as(Columns.APPEARANCE_RANK),
            datediff(col(Columns.FIRST_SEEN), min(col(Columns.FIRST_SEEN)).over(term))
                .as(Columns.DAYS_SINCE_FIRST),
            count(lit(1)).over(term).as(Columns.TERM_REGIONS));
  }
}
