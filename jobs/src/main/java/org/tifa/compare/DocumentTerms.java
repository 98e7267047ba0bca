package org.tifa.compare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tifa.aggregate.CountTerms;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;

/**
 * Documents of the documents table placed at one region level, one row per document and term it
 * mentions (its {@code slogans} and {@code topics} ids): doc_id, published_date, date_precision,
 * region_level, region_code, region_name, province_code, province_name, term_kind, term_id.
 * Documents without a region at that level are left out. Shared by {@link TermDiffusion} and {@link
 * RegionSimilarity}.
 */
final class DocumentTerms {
  private DocumentTerms() {}

  private static final String PLACE = "_place";
  private static final String TERM = "_term";

  /** Documents at the level, one row each (no terms): doc_id, date, precision and the place. */
  static Dataset<Row> placed(Dataset<Row> documents, String level) {
    return documents
        .select(
            col(Columns.DOC_ID),
            col(Columns.PUBLISHED_DATE),
            col(Columns.DATE_PRECISION),
            terms().as(TERM),
            explode(CountTerms.places()).as(PLACE))
        .filter(
            col(PLACE + "." + Columns.REGION_LEVEL)
                .equalTo(level)
                .and(col(PLACE + "." + Columns.REGION_CODE).isNotNull()))
        .select(
            col(Columns.DOC_ID),
            col(Columns.PUBLISHED_DATE),
            col(Columns.DATE_PRECISION),
            col(TERM),
            col(PLACE + "." + Columns.REGION_LEVEL).as(Columns.REGION_LEVEL),
            col(PLACE + "." + Columns.REGION_CODE).as(Columns.REGION_CODE),
            col(PLACE + "." + Columns.REGION_NAME).as(Columns.REGION_NAME),
            col(PLACE + "." + Columns.PROVINCE_CODE).as(Columns.PROVINCE_CODE),
            col(PLACE + "." + Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME));
  }

  /** {@link #placed} with one row per document and term. */
  static Dataset<Row> mentions(Dataset<Row> placed) {
    return placed
        .select(col("*"), explode(col(TERM)).as("_t"))
        .drop(TERM)
        .select(
            col("*"),
            col("_t." + Columns.TERM_KIND).as(Columns.TERM_KIND),
            col("_t." + Columns.TERM_ID).as(Columns.TERM_ID))
        .drop("_t");
  }

  /** The document's term ids as structs (term_kind, term_id); null arrays count as empty. */
  private static Column terms() {
    return concat(
        tagged(Columns.SLOGANS, TermDictionary.SLOGAN),
        tagged(Columns.TOPICS, TermDictionary.TOPIC));
  }

  /**
   * Cast to its own type by name: Spark 3.5 names a struct field after the lambda's variable (x_3),
   * not its alias, and the two arrays' types would then differ.
   */
  private static Column tagged(String column, String kind) {
    return transform(
            coalesce(col(column), array().cast("array<string>")),
            id -> struct(lit(kind).as(Columns.TERM_KIND), id.as(Columns.TERM_ID)))
        .cast("array<struct<" + Columns.TERM_KIND + ":string," + Columns.TERM_ID + ":string>>");
  }
}
