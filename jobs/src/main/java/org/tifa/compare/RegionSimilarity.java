package org.tifa.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;

/**
 * The {@code region_similarity} table: which regions of one level talk alike. Each region is a
 * vector of document shares (documents mentioning the term / all documents of the region, over the
 * whole snapshot) over every slogan and topic; two regions' similarity is the cosine of their
 * vectors, over all terms and over slogans and topics apart. Only each region's {@code similar}
 * most similar partners are kept, so the table grows with the regions, not with their pairs.
 *
 * <p>Input: a snapshot's documents table (all of them, whatever their date precision).
 */
public final class RegionSimilarity {
  private RegionSimilarity() {}

  private static final String SHARE = "_share";
  private static final String OTHER = "_b_";

  public static Dataset<Row> of(
      Dataset<Row> documents, String level, int similar, String snapshotId) {
    Dataset<Row> placed = DocumentTerms.placed(documents, level);
    Dataset<Row> regions =
        placed
            .groupBy(Columns.REGION_CODE)
            .agg(
                count(lit(1)).as(Columns.REGION_DOCUMENTS),
                max(Columns.REGION_NAME).as(Columns.REGION_NAME),
                max(Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME));
    Dataset<Row> shares =
        DocumentTerms.mentions(placed)
            .groupBy(Columns.REGION_CODE, Columns.TERM_KIND, Columns.TERM_ID)
            .agg(count(lit(1)).as(Columns.DOCUMENTS))
            .join(regions, new String[] {Columns.REGION_CODE})
            .select(
                col(Columns.REGION_CODE),
                col(Columns.TERM_KIND),
                col(Columns.TERM_ID),
                col(Columns.DOCUMENTS)
                    .cast("double")
                    .divide(col(Columns.REGION_DOCUMENTS))
                    .as(SHARE));

    Dataset<Row> norms =
        shares
            .groupBy(Columns.REGION_CODE)
            .agg(
                sqrt(sum(col(SHARE).multiply(col(SHARE)))).as("_norm"),
                sqrt(sum(ofKind(TermDictionary.SLOGAN, col(SHARE).multiply(col(SHARE)))))
                    .as("_slogan_norm"),
                sqrt(sum(ofKind(TermDictionary.TOPIC, col(SHARE).multiply(col(SHARE)))))
                    .as("_topic_norm"))
            .join(regions, new String[] {Columns.REGION_CODE});
    Dataset<Row> otherShares = prefixed(shares);
    Dataset<Row> otherNorms = prefixed(norms);

    Column product = col(SHARE).multiply(col(OTHER + SHARE));
    Dataset<Row> pairs =
        shares
            .join(
                otherShares,
                col(Columns.TERM_KIND)
                    .equalTo(col(OTHER + Columns.TERM_KIND))
                    .and(col(Columns.TERM_ID).equalTo(col(OTHER + Columns.TERM_ID)))
                    .and(col(Columns.REGION_CODE).notEqual(col(OTHER + Columns.REGION_CODE))))
            .groupBy(col(Columns.REGION_CODE), col(OTHER + Columns.REGION_CODE))
            .agg(
                sum(product).as("_dot"),
                sum(ofKind(TermDictionary.SLOGAN, product)).as("_slogan_dot"),
                sum(ofKind(TermDictionary.TOPIC, product)).as("_topic_dot"),
                count(lit(1)).as(Columns.SHARED_TERMS))
            .join(norms, new String[] {Columns.REGION_CODE})
            .join(otherNorms, new String[] {OTHER + Columns.REGION_CODE});

    return pairs
        .withColumn(Columns.SIMILARITY, cosine("_dot", "_norm"))
        .withColumn(
            Columns.RANK,
            row_number()
                .over(
                    Window.partitionBy(Columns.REGION_CODE)
                        .orderBy(col(Columns.SIMILARITY).desc(), col(OTHER + Columns.REGION_CODE)))
                .cast("int"))
        .filter(col(Columns.RANK).leq(similar))
        .select(
            lit(snapshotId).as(Columns.SNAPSHOT_ID),
            lit(level).as(Columns.REGION_LEVEL),
            col(Columns.REGION_CODE),
            col(Columns.REGION_NAME),
            col(Columns.PROVINCE_NAME),
            col(OTHER + Columns.REGION_CODE).as(Columns.SIMILAR_REGION_CODE),
            col(OTHER + Columns.REGION_NAME).as(Columns.SIMILAR_REGION_NAME),
            col(OTHER + Columns.PROVINCE_NAME).as(Columns.SIMILAR_PROVINCE_NAME),
            col(Columns.RANK),
            col(Columns.SIMILARITY),
            cosine("_slogan_dot", "_slogan_norm").as(Columns.SLOGAN_SIMILARITY),
            cosine("_topic_dot", "_topic_norm").as(Columns.TOPIC_SIMILARITY),
            col(Columns.SHARED_TERMS),
            col(Columns.REGION_DOCUMENTS),
            col(OTHER + Columns.REGION_DOCUMENTS).as(Columns.SIMILAR_REGION_DOCUMENTS));
  }

  /** dot / (|a| |b|), at most 1 against rounding; null when either vector is empty. */
  private static Column cosine(String dot, String norm) {
    Column denominator = col(norm).multiply(col(OTHER + norm));
    return when(denominator.gt(0), least(lit(1.0), col(dot).divide(denominator)));
  }

  private static Column ofKind(String kind, Column value) {
    return when(col(Columns.TERM_KIND).equalTo(kind), value).otherwise(lit(0.0));
  }

  private static Dataset<Row> prefixed(Dataset<Row> table) {
    Column[] renamed = new Column[table.columns().length];
    for (int i = 0; i < renamed.length; i++) {
      renamed[i] = col(table.columns()[i]).as(OTHER + table.columns()[i]);
    }
    return table.select(renamed);
  }
}
