package org.tifa.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tifa.compare.TermChanges;
import org.tifa.extract.TermDictionary;
import org.tifa.schema.Columns;

/**
 * The report's figures, as small Spark stages over a snapshot's tables: each takes Datasets and
 * returns a Dataset of at most a few thousand rows, which {@link ReportModels} collects. Shares
 * over the whole snapshot are computed from the {@code documents} table (every accepted document
 * with its region, the slogans it mentions and the topics it is about: at or above {@code
 * topics.min_salience}), monthly figures are read from {@code term_counts} at grain month (its
 * weighted documents: those about the term), and display forms come from {@code terms}. Topics are
 * thus counted and ranked by the documents about them, not by every passing mention.
 */
public final class ReportData {
  private ReportData() {}

  /** The region code of the country, as in term_counts and regions. */
  public static final String COUNTRY = "000000";

  /** Every document at the whole country. */
  public static Column country() {
    return array(lit(COUNTRY));
  }

  /** Every document at its province (none when it has no province). */
  public static Column province() {
    return array(col(Columns.PROVINCE_CODE));
  }

  /**
   * Every document at its prefecture and its county: the places the shapes of a province's own map
   * stand for (prefectures; districts of a municipality; county-level cities under a province).
   */
  public static Column subdivisions() {
    return array(col(Columns.PREFECTURE_CODE), col(Columns.COUNTY_CODE));
  }

  /**
   * Documents once per distinct, non-null region code of {@code places} (an array column over the
   * documents table): doc_id, region_code, slogans, topics.
   */
  public static Dataset<Row> placed(Dataset<Row> documents, Column places) {
    return documents.select(
        col(Columns.DOC_ID),
        explode(array_distinct(filter(places, Column::isNotNull))).as(Columns.REGION_CODE),
        col(Columns.SLOGANS),
        col(Columns.TOPICS));
  }

  /** All documents per region code: region_code, region_documents. */
  public static Dataset<Row> regionDocuments(Dataset<Row> placed) {
    return placed
        .groupBy(Columns.REGION_CODE)
        .agg(countDistinct(Columns.DOC_ID).as(Columns.REGION_DOCUMENTS));
  }

  /** One row per document and term it mentions: doc_id, region_code, term_kind, term_id. */
  static Dataset<Row> mentions(Dataset<Row> placed) {
    Dataset<Row> slogans =
        placed.select(
            col(Columns.DOC_ID),
            col(Columns.REGION_CODE),
            lit(TermDictionary.SLOGAN).as(Columns.TERM_KIND),
            explode(col(Columns.SLOGANS)).as(Columns.TERM_ID));
    Dataset<Row> topics =
        placed.select(
            col(Columns.DOC_ID),
            col(Columns.REGION_CODE),
            lit(TermDictionary.TOPIC).as(Columns.TERM_KIND),
            explode(col(Columns.TOPICS)).as(Columns.TERM_ID));
    return slogans.unionByName(topics);
  }

  /**
   * Per region and term, over the whole snapshot: region_code, term_kind, term_id, term, category,
   * documents (mentioning the term), region_documents (all), document_share. Only terms with at
   * least one document in the region have a row.
   */
  public static Dataset<Row> termShares(Dataset<Row> placed, Dataset<Row> terms) {
    Dataset<Row> hits =
        mentions(placed)
            .groupBy(Columns.REGION_CODE, Columns.TERM_KIND, Columns.TERM_ID)
            .agg(countDistinct(Columns.DOC_ID).as(Columns.DOCUMENTS));
    Dataset<Row> names =
        terms.select(Columns.TERM_KIND, Columns.TERM_ID, Columns.TERM, Columns.CATEGORY);
    return hits.join(regionDocuments(placed), new String[] {Columns.REGION_CODE}, "inner")
        .join(names, new String[] {Columns.TERM_KIND, Columns.TERM_ID}, "left")
        .select(
            col(Columns.REGION_CODE),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            coalesce(col(Columns.TERM), col(Columns.TERM_ID)).as(Columns.TERM),
            col(Columns.CATEGORY),
            col(Columns.DOCUMENTS),
            col(Columns.REGION_DOCUMENTS),
            col(Columns.DOCUMENTS)
                .divide(col(Columns.REGION_DOCUMENTS))
                .as(Columns.DOCUMENT_SHARE));
  }

  /** The {@code n} terms of each kind with the most documents in each region (ties: by term_id). */
  public static Dataset<Row> top(Dataset<Row> termShares, int n) {
    String rank = "_rank";
    return termShares
        .withColumn(
            rank,
            row_number()
                .over(
                    Window.partitionBy(Columns.REGION_CODE, Columns.TERM_KIND)
                        .orderBy(col(Columns.DOCUMENTS).desc(), col(Columns.TERM_ID).asc())))
        .filter(col(rank).leq(n))
        .orderBy(col(Columns.REGION_CODE), col(Columns.TERM_KIND), col(rank))
        .drop(rank);
  }

  /** Documents per province: province_code, province_name, documents; most first, then by code. */
  public static Dataset<Row> provinces(Dataset<Row> documents) {
    return documents
        .filter(col(Columns.PROVINCE_CODE).isNotNull())
        .groupBy(Columns.PROVINCE_CODE)
        .agg(
            max(Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME),
            count(lit(1)).as(Columns.DOCUMENTS))
        .orderBy(col(Columns.DOCUMENTS).desc(), col(Columns.PROVINCE_CODE).asc());
  }

  /**
   * The rows of term_counts at one grain for some regions and terms: region_code, period,
   * term_kind, term_id, term, documents (the weighted documents: those about the term),
   * region_documents, document_share (of those).
   */
  public static Dataset<Row> periodic(
      Dataset<Row> termCounts,
      String grain,
      List<String> regionCodes,
      String termKind,
      List<String> termIds) {
    return termCounts
        .filter(
            col(Columns.GRAIN)
                .equalTo(grain)
                .and(col(Columns.REGION_CODE).isin(regionCodes.toArray()))
                .and(col(Columns.TERM_KIND).equalTo(termKind))
                .and(col(Columns.TERM_ID).isin(termIds.toArray())))
        .select(
            col(Columns.REGION_CODE),
            col(Columns.PERIOD),
            col(Columns.TERM_KIND),
            col(Columns.TERM_ID),
            col(Columns.TERM),
            col(Columns.WEIGHTED_DOCUMENTS).as(Columns.DOCUMENTS),
            col(Columns.REGION_DOCUMENTS),
            col(Columns.WEIGHTED_DOCUMENTS)
                .cast("double")
                .divide(col(Columns.REGION_DOCUMENTS))
                .as(Columns.DOCUMENT_SHARE));
  }

  /**
   * All documents of some regions per period of a grain, as far as term_counts tells (a period in
   * which no document of the region mentions any term has no row): region_code, period,
   * region_documents.
   */
  public static Dataset<Row> periodDocuments(
      Dataset<Row> termCounts, String grain, List<String> regionCodes) {
    return termCounts
        .filter(
            col(Columns.GRAIN)
                .equalTo(grain)
                .and(col(Columns.REGION_CODE).isin(regionCodes.toArray())))
        .groupBy(Columns.REGION_CODE, Columns.PERIOD)
        .agg(max(Columns.REGION_DOCUMENTS).as(Columns.REGION_DOCUMENTS));
  }

  /**
   * The slogans of the diffusion timeline when no comparison says which are new: those found in
   * quotes and not in the lexicon (no category), most documents first; when the snapshot has none,
   * the slogans with the most documents. term_id, term, documents, first_seen.
   */
  public static Dataset<Row> diffusionSlogans(Dataset<Row> terms, int n, boolean discoveredOnly) {
    Column which =
        col(Columns.TERM_KIND).equalTo(TermDictionary.SLOGAN).and(col(Columns.DOCUMENTS).gt(0));
    if (discoveredOnly) {
      which = which.and(col(Columns.CATEGORY).isNull());
    }
    return terms
        .filter(which)
        .orderBy(col(Columns.DOCUMENTS).desc(), col(Columns.TERM_ID).asc())
        .limit(n)
        .select(Columns.TERM_ID, Columns.TERM, Columns.DOCUMENTS, Columns.FIRST_SEEN);
  }

  /**
   * Where and when each slogan was first seen: per slogan and province, the date of its earliest
   * document there and the documents mentioning it. term_id, province_code, province_name,
   * first_seen, documents. Documents without a province are not placed.
   */
  public static Dataset<Row> firstSeen(Dataset<Row> documents, List<String> sloganIds) {
    return documents
        .filter(col(Columns.PROVINCE_CODE).isNotNull())
        .select(
            col(Columns.DOC_ID),
            col(Columns.PROVINCE_CODE),
            col(Columns.PROVINCE_NAME),
            col(Columns.PUBLISHED_DATE),
            explode(col(Columns.SLOGANS)).as(Columns.TERM_ID))
        .filter(col(Columns.TERM_ID).isin(sloganIds.toArray()))
        .groupBy(Columns.TERM_ID, Columns.PROVINCE_CODE)
        .agg(
            max(Columns.PROVINCE_NAME).as(Columns.PROVINCE_NAME),
            min(Columns.PUBLISHED_DATE).as(Columns.FIRST_SEEN),
            countDistinct(Columns.DOC_ID).as(Columns.DOCUMENTS))
        .orderBy(col(Columns.TERM_ID), col(Columns.FIRST_SEEN), col(Columns.PROVINCE_CODE));
  }

  /** Quarantined records per stage and reason: stage, reason, records; most first. */
  public static Dataset<Row> quarantineReasons(Dataset<Row> quarantine) {
    return quarantine
        .groupBy(Columns.STAGE, Columns.REASON)
        .agg(count(lit(1)).as("records"))
        .orderBy(col("records").desc(), col(Columns.STAGE), col(Columns.REASON));
  }

  /**
   * Country-level rows of a term_changes table (tifa compare) of one status, in the order the
   * report ranks them: {@code up} by z-score, highest first; {@code down} by z-score, lowest first;
   * any other status by target documents, most first. {@code termKind} null takes both kinds. At
   * most {@code n} rows.
   */
  public static Dataset<Row> changes(
      Dataset<Row> termChanges, String status, String termKind, int n) {
    Column order =
        switch (status) {
          case TermChanges.UP -> col(Columns.Z_SCORE).desc();
          case TermChanges.DOWN -> col(Columns.Z_SCORE).asc();
          default -> col(Columns.TARGET_DOCUMENTS).desc();
        };
    Column which =
        col(Columns.REGION_CODE).equalTo(COUNTRY).and(col(Columns.STATUS).equalTo(status));
    if (termKind != null) {
      which = which.and(col(Columns.TERM_KIND).equalTo(termKind));
    }
    return termChanges
        .filter(which)
        .orderBy(order, col(Columns.TERM_KIND).asc(), col(Columns.TERM_ID).asc())
        .limit(n)
        .select(
            Columns.TERM_KIND,
            Columns.TERM_ID,
            Columns.TERM,
            Columns.BASE_DOCUMENTS,
            Columns.TARGET_DOCUMENTS,
            Columns.BASE_SHARE,
            Columns.TARGET_SHARE,
            Columns.SHARE_CHANGE,
            Columns.Z_SCORE,
            Columns.P_VALUE,
            Columns.STATUS);
  }

  /**
   * Example passages of the given terms ({@code term_kind:term_id} keys): for each term, the stored
   * contexts of its first mention in each of its {@code n} latest documents (ties by doc_id), with
   * the document's date, region name and title; columns key, published_date, region_name, title,
   * context, mark start and end in the context (code points), quoted.
   */
  public static Dataset<Row> passages(
      Dataset<Row> mentions, Dataset<Row> documents, java.util.Collection<String> keys, int n) {
    Column key = concat_ws(":", col(Columns.TERM_KIND), col(Columns.TERM_ID));
    Dataset<Row> firstInDocument =
        mentions
            .filter(col(Columns.CONTEXT).isNotNull())
            .withColumn("_key", key)
            .filter(col("_key").isin(keys.toArray()))
            .withColumn(
                "_m",
                row_number()
                    .over(
                        Window.partitionBy(col("_key"), col(Columns.DOC_ID))
                            .orderBy(col(Columns.START))))
            .filter(col("_m").equalTo(1));
    return firstInDocument
        .join(documents.select(Columns.DOC_ID, Columns.REGION_NAME, Columns.TITLE), Columns.DOC_ID)
        .withColumn(
            "_n",
            row_number()
                .over(
                    Window.partitionBy(col("_key"))
                        .orderBy(col(Columns.PUBLISHED_DATE).desc(), col(Columns.DOC_ID))))
        .filter(col("_n").leq(n))
        .select(
            col("_key"),
            col(Columns.PUBLISHED_DATE).cast("string"),
            col(Columns.REGION_NAME),
            col(Columns.TITLE),
            col(Columns.CONTEXT),
            col(Columns.START).minus(col(Columns.CONTEXT_START)),
            col(Columns.END).minus(col(Columns.CONTEXT_START)),
            col(Columns.QUOTED))
        .orderBy(col("_key"), col("_n"));
  }
}
