package org.tifa.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.tifa.Columns;

/**
 * Pass one of slogan counting: every quoted span that reads like a formulation ({@link
 * SloganExtractor}), gathered corpus-wide. Out: one row per canonical key with the number of
 * documents quoting it, its display form (the most frequent surface form; ties to the smallest)
 * and up to {@value #MAX_SURFACES} surface forms, which tell the matcher where separators may
 * stand.
 */
public final class DiscoverSlogans {
  private DiscoverSlogans() {}

  public static final String KEY = "key";
  public static final String SURFACE = "surface";
  public static final String SURFACES = "surfaces";
  static final int MAX_SURFACES = 8;

  private static final StructType CANDIDATE = new StructType().add(KEY, StringType).add(SURFACE, StringType);

  /**
   * Adds each document's quoted candidates (array of struct key, surface) as column {@link
   * #CANDIDATES}, so that they can be found in the same pass as the other per-document work;
   * {@link #apply} then reads them instead of the texts.
   */
  public static Dataset<Row> quote(Dataset<Row> documents, Broadcast<SloganExtractor> extractor) {
    return documents.withColumn(CANDIDATES, candidates(extractor));
  }

  /** The column {@link #quote} adds. */
  public static final String CANDIDATES = "_slogan_candidates";

  /** The type of column {@link #CANDIDATES}: an array of struct (key, surface). */
  public static final ArrayType CANDIDATE_LIST = createArrayType(CANDIDATE);

  private static Column candidates(Broadcast<SloganExtractor> extractor) {
    return udf((UDF2<String, String, Row[]>) (title, body) -> candidates(extractor.value(), title, body), CANDIDATE_LIST)
        .apply(col(Columns.TITLE), col(Columns.BODY));
  }

  /** One document's quoted candidates, as the elements of column {@link #CANDIDATES}. */
  public static Row[] candidates(SloganExtractor extractor, String title, String body) {
    return candidates(extractor.extract(title, body));
  }

  public static Dataset<Row> apply(Dataset<Row> documents, Broadcast<SloganExtractor> extractor) {
    Column found = java.util.Arrays.asList(documents.columns()).contains(CANDIDATES) ? col(CANDIDATES) : candidates(extractor);
    Dataset<Row> quoted =
        documents
            .select(col(Columns.DOC_ID), explode(found).as("_c"))
            .select(col(Columns.DOC_ID), col("_c." + KEY).as(KEY), col("_c." + SURFACE).as(SURFACE));

    // Per key, from its surfaces and their counts: the display form is the first of the surfaces
    // sorted by (count descending, surface ascending), the listed forms the first few by surface.
    Dataset<Row> forms =
        quoted
            .groupBy(KEY, SURFACE)
            .agg(count(lit(1)).as("_n"))
            .groupBy(KEY)
            .agg(
                element_at(sort_array(collect_list(struct(negate(col("_n")).as("_order"), col(SURFACE)))), 1)
                    .getField(SURFACE)
                    .as(Columns.TERM),
                slice(sort_array(collect_list(col(SURFACE))), 1, MAX_SURFACES).as(SURFACES));
    Dataset<Row> documentsPerKey = quoted.groupBy(KEY).agg(countDistinct(col(Columns.DOC_ID)).as(Columns.DOCUMENTS));
    return documentsPerKey.join(forms, KEY).select(col(KEY), col(Columns.TERM), col(SURFACES), col(Columns.DOCUMENTS));
  }

  private static Row[] candidates(SloganCandidate[] found) {
    Row[] rows = new Row[found.length];
    for (int i = 0; i < found.length; i++) {
      rows[i] = RowFactory.create(found[i].key(), found[i].surface());
    }
    return rows;
  }
}
