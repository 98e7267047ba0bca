package org.tifa.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tifa.extract.SloganVerdicts;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * The {@code terms} table: every slogan (lexicon and discovered) and topic, with its totals over
 * the snapshot (documents mentioning it, documents about it, mentions), the first and last date it
 * was seen and the region of the earliest document that mentions it (ties: the document with a
 * region, then the smallest code, then doc id). Lexicon slogans and topics never mentioned are
 * listed with zero counts.
 */
public final class BuildTerms {
  private BuildTerms() {}

  public static final StructType DIMENSION =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.TERM, StringType)
          .add(Columns.CATEGORY, StringType)
          .add(Columns.ALIASES, createArrayType(StringType, false))
          .add(Columns.ORIGIN, StringType)
          .add(Columns.FAMILY, StringType)
          .add(Columns.QUOTED_DOCUMENTS, LongType)
          .add(Columns.QUOTE_SHARE, DoubleType);

  public static Dataset<Row> dimension(SparkSession spark, List<TermDictionary.Term> terms) {
    return spark.createDataFrame(
        terms.stream()
            .map(
                t ->
                    RowFactory.create(
                        t.kind(),
                        t.id(),
                        t.term(),
                        t.category(),
                        t.aliases(),
                        t.origin(),
                        t.family(),
                        t.quotedDocuments(),
                        t.quoteShare()))
            .toList(),
        DIMENSION);
  }

  /** The {@code slogan_candidates} table, from the driver's verdicts. */
  public static Dataset<Row> candidates(
      SparkSession spark, List<SloganVerdicts.Candidate> candidates) {
    return spark.createDataFrame(
        candidates.stream()
            .map(
                c ->
                    RowFactory.create(
                        c.key(),
                        c.term(),
                        c.origin().label(),
                        c.decision().verdict().label(),
                        c.decision().reason().label(),
                        c.detail(),
                        c.documentsQuoted(),
                        c.quoted(),
                        c.occurrences(),
                        c.quoteShare(),
                        c.documents(),
                        c.sources(),
                        c.regions()))
            .toList(),
        Tables.SLOGAN_CANDIDATES_SCHEMA);
  }

  public static Dataset<Row> apply(Dataset<Row> documents, Dataset<Row> dimension) {
    Dataset<Row> hits =
        documents
            .select(
                col(Columns.DOC_ID),
                col(Columns.PUBLISHED_DATE),
                col(Columns.REGION_CODE),
                col(Columns.REGION_NAME),
                explode(col(Columns.TERM_HITS)).as("_h"))
            .select(
                col("*"),
                col("_h." + Columns.TERM_KIND).as(Columns.TERM_KIND),
                col("_h." + Columns.TERM_ID).as(Columns.TERM_ID),
                col("_h." + Columns.MENTIONS).as(Columns.MENTIONS),
                col("_h." + Columns.ABOUT).as(Columns.ABOUT));
    // Persisted (a row per term, released with the session's cache): both its readers below would
    // otherwise scan every document for it.
    Dataset<Row> totals =
        hits.groupBy(Columns.TERM_KIND, Columns.TERM_ID)
            .agg(
                count(lit(1)).as(Columns.DOCUMENTS),
                count(when(col(Columns.ABOUT), lit(1))).as(Columns.WEIGHTED_DOCUMENTS),
                sum(col(Columns.MENTIONS)).cast("bigint").as(Columns.MENTIONS),
                min(col(Columns.PUBLISHED_DATE)).as(Columns.FIRST_SEEN),
                max(col(Columns.PUBLISHED_DATE)).as(Columns.LAST_SEEN))
            .persist(StorageLevel.MEMORY_AND_DISK());
    // Ranked among the hits of each term's first day only: a window over all hits sorted every
    // hit of the most frequent terms in one task.
    String[] key = {Columns.TERM_KIND, Columns.TERM_ID};
    Dataset<Row> firstDayHits =
        hits.join(
            broadcast(
                totals.select(
                    col(key[0]), col(key[1]), col(Columns.FIRST_SEEN).as(Columns.PUBLISHED_DATE))),
            new String[] {key[0], key[1], Columns.PUBLISHED_DATE});
    Dataset<Row> firstPlace =
        firstDayHits
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(Columns.TERM_KIND, Columns.TERM_ID)
                            .orderBy(
                                col(Columns.REGION_CODE).asc_nulls_last(),
                                col(Columns.DOC_ID).asc())))
            .filter(col("_rank").equalTo(1))
            .select(
                col(Columns.TERM_KIND),
                col(Columns.TERM_ID),
                col(Columns.REGION_CODE).as(Columns.FIRST_REGION_CODE),
                col(Columns.REGION_NAME).as(Columns.FIRST_REGION_NAME));
    return dimension
        .join(totals, key, "left")
        .join(firstPlace, key, "left")
        .select(
            col(Columns.TERM_ID),
            col(Columns.TERM_KIND),
            col(Columns.TERM),
            col(Columns.CATEGORY),
            col(Columns.ALIASES),
            coalesce(col(Columns.DOCUMENTS), lit(0L)).as(Columns.DOCUMENTS),
            coalesce(col(Columns.WEIGHTED_DOCUMENTS), lit(0L)).as(Columns.WEIGHTED_DOCUMENTS),
            coalesce(col(Columns.MENTIONS), lit(0L)).as(Columns.MENTIONS),
            col(Columns.FIRST_SEEN),
            col(Columns.LAST_SEEN),
            col(Columns.FIRST_REGION_CODE),
            col(Columns.FIRST_REGION_NAME),
            col(Columns.ORIGIN),
            col(Columns.FAMILY),
            col(Columns.QUOTED_DOCUMENTS),
            col(Columns.QUOTE_SHARE));
  }
}
