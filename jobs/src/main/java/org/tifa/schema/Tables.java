package org.tifa.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables' Spark schemas. They are the contract documented in {@code
 * schemas/*.schema.json} (a test keeps the two in step) and are checked on every Dataset before it
 * is written. {@link #SCHEMA_VERSION} changes whenever a column is added, removed, renamed or
 * retyped.
 */
public final class Tables {
  private Tables() {}

  public static final int SCHEMA_VERSION = 2;

  public static final String DOCUMENTS = "documents";
  public static final String QUARANTINE = "quarantine";
  public static final String REGIONS = "regions";
  public static final String TERM_COUNTS = "term_counts";
  public static final String DOCUMENT_TERMS = "document_terms";
  public static final String MENTIONS = "mentions";
  public static final String TEXTS = "texts";

  /** One topic a document mentions, in its {@link Columns#TOPIC_SALIENCE}. */
  public static final StructType TOPIC_MENTIONS =
      new StructType(
          new StructField[] {
            required(Columns.TERM_ID, StringType),
            required(Columns.MENTIONS, IntegerType),
            required(Columns.SALIENCE, DoubleType),
          });

  public static final StructType DOCUMENTS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.DOC_ID, StringType),
            nullable(Columns.SOURCE, StringType),
            nullable(Columns.URL, StringType),
            nullable(Columns.TITLE, StringType),
            nullable(Columns.TITLE_RAW, StringType),
            nullable(Columns.ORIGINAL_TITLE, StringType),
            required(Columns.PUBLISHED_AT, TimestampType),
            required(Columns.PUBLISHED_DATE, DateType),
            required(Columns.DATE_PRECISION, StringType),
            nullable(Columns.REGION_CODE, StringType),
            nullable(Columns.REGION_LEVEL, StringType),
            nullable(Columns.REGION_NAME, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            nullable(Columns.PREFECTURE_CODE, StringType),
            nullable(Columns.PREFECTURE_NAME, StringType),
            nullable(Columns.COUNTY_CODE, StringType),
            nullable(Columns.COUNTY_NAME, StringType),
            nullable(Columns.REGION_METHOD, StringType),
            nullable(Columns.REGION_CONFIDENCE, DoubleType),
            nullable(Columns.REGION_EVIDENCE, createArrayType(StringType, false)),
            nullable(Columns.REGION_GIVEN_UNMATCHED, StringType),
            nullable(Columns.TEXT_REGION_CODE, StringType),
            nullable(Columns.REGION_BASIS, StringType),
            required(Columns.BODY_CHARS, IntegerType),
            required(Columns.CONTENT_HASH, StringType),
            required(Columns.DUPLICATE_COUNT, IntegerType),
            required(Columns.DUPLICATE_SOURCES, createArrayType(StringType, false)),
            nullable(Columns.NEAR_DUPLICATE_SIMILARITY, DoubleType),
            nullable(Columns.SLOGANS, createArrayType(StringType, false)),
            nullable(Columns.TOPICS, createArrayType(StringType, false)),
            nullable(Columns.TOPIC_SALIENCE, createArrayType(TOPIC_MENTIONS, false)),
            required(Columns.INPUT_FILE, StringType),
            required(Columns.INPUT_LINE, LongType),
          });

  public static final StructType QUARANTINE_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.STAGE, StringType),
            required(Columns.REASON, StringType),
            nullable(Columns.DETAIL, StringType),
            required(Columns.INPUT_FILE, StringType),
            nullable(Columns.INPUT_LINE, LongType),
            nullable(Columns.DOC_ID, StringType),
            nullable(Columns.RAW, StringType),
            required(Columns.RAW_TRUNCATED, BooleanType),
          });

  public static final StructType REGIONS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.CODE, StringType),
            required(Columns.NAME, StringType),
            required(Columns.LEVEL, StringType),
            nullable(Columns.PARENT_CODE, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            nullable(Columns.PREFECTURE_CODE, StringType),
            nullable(Columns.PREFECTURE_NAME, StringType),
            nullable(Columns.SHORT_NAME, StringType),
          });

  public static final StructType TERM_COUNTS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.SNAPSHOT_ID, StringType),
            required(Columns.GRAIN, StringType),
            required(Columns.PERIOD, StringType),
            required(Columns.PERIOD_START, DateType),
            required(Columns.REGION_LEVEL, StringType),
            required(Columns.REGION_CODE, StringType),
            required(Columns.REGION_NAME, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM_ID, StringType),
            required(Columns.TERM, StringType),
            nullable(Columns.CATEGORY, StringType),
            required(Columns.MENTIONS, LongType),
            required(Columns.DOCUMENTS, LongType),
            required(Columns.WEIGHTED_DOCUMENTS, LongType),
            required(Columns.SOURCES, LongType),
            required(Columns.REGION_DOCUMENTS, LongType),
            required(Columns.DOCUMENT_SHARE, DoubleType),
            required(Columns.FIRST_SEEN, DateType),
            required(Columns.LAST_SEEN, DateType),
          });

  public static final StructType DOCUMENT_TERMS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.DOC_ID, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM_ID, StringType),
            nullable(Columns.FAMILY, StringType),
            required(Columns.MENTIONS, IntegerType),
            required(Columns.QUOTED_MENTIONS, IntegerType),
            required(Columns.SALIENCE, DoubleType),
            required(Columns.ABOUT, BooleanType),
            required(Columns.FIRST_START, IntegerType),
            required(Columns.PUBLISHED_DATE, DateType),
            nullable(Columns.REGION_CODE, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
          });

  public static final StructType MENTIONS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.DOC_ID, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM_ID, StringType),
            nullable(Columns.FAMILY, StringType),
            required(Columns.START, IntegerType),
            required(Columns.END, IntegerType),
            required(Columns.SURFACE, StringType),
            required(Columns.QUOTED, BooleanType),
            nullable(Columns.CONTEXT, StringType),
            nullable(Columns.CONTEXT_START, IntegerType),
            required(Columns.PUBLISHED_DATE, DateType),
            nullable(Columns.REGION_CODE, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
          });

  public static final StructType TEXTS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.DOC_ID, StringType),
            nullable(Columns.TITLE, StringType),
            required(Columns.BODY, StringType),
          });

  public static final StructType TERMS_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.TERM_ID, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM, StringType),
            nullable(Columns.CATEGORY, StringType),
            required(Columns.ALIASES, createArrayType(StringType, false)),
            required(Columns.DOCUMENTS, LongType),
            required(Columns.WEIGHTED_DOCUMENTS, LongType),
            required(Columns.MENTIONS, LongType),
            nullable(Columns.FIRST_SEEN, DateType),
            nullable(Columns.LAST_SEEN, DateType),
            nullable(Columns.FIRST_REGION_CODE, StringType),
            nullable(Columns.FIRST_REGION_NAME, StringType),
            required(Columns.ORIGIN, StringType),
            nullable(Columns.FAMILY, StringType),
            nullable(Columns.QUOTED_DOCUMENTS, LongType),
            nullable(Columns.QUOTE_SHARE, DoubleType),
          });

  public static final String TERMS = "terms";

  public static final String SLOGAN_CANDIDATES = "slogan_candidates";

  public static final StructType SLOGAN_CANDIDATES_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.CANDIDATE, StringType),
            required(Columns.TERM, StringType),
            required(Columns.ORIGIN, StringType),
            required(Columns.VERDICT, StringType),
            required(Columns.REASON, StringType),
            nullable(Columns.DETAIL, StringType),
            required(Columns.QUOTED_DOCUMENTS, LongType),
            required(Columns.QUOTED_MENTIONS, LongType),
            required(Columns.MENTIONS, LongType),
            required(Columns.QUOTE_SHARE, DoubleType),
            required(Columns.DOCUMENTS, LongType),
            required(Columns.SOURCES, LongType),
            required(Columns.REGIONS, LongType),
          });

  // The tables of a comparison (tifa compare): OUT/<compare_id>/<table>/.

  public static final String TERM_CHANGES = "term_changes";
  public static final String TERM_DIFFUSION = "term_diffusion";
  public static final String REGION_SIMILARITY = "region_similarity";

  public static final StructType TERM_CHANGES_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.BASE_SNAPSHOT_ID, StringType),
            required(Columns.TARGET_SNAPSHOT_ID, StringType),
            required(Columns.GRAIN, StringType),
            required(Columns.PERIOD, StringType),
            nullable(Columns.PERIOD_START, DateType),
            required(Columns.REGION_LEVEL, StringType),
            required(Columns.REGION_CODE, StringType),
            required(Columns.REGION_NAME, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM_ID, StringType),
            required(Columns.TERM, StringType),
            nullable(Columns.CATEGORY, StringType),
            required(Columns.BASE_MENTIONS, LongType),
            required(Columns.TARGET_MENTIONS, LongType),
            required(Columns.BASE_DOCUMENTS, LongType),
            required(Columns.TARGET_DOCUMENTS, LongType),
            required(Columns.BASE_REGION_DOCUMENTS, LongType),
            required(Columns.TARGET_REGION_DOCUMENTS, LongType),
            nullable(Columns.BASE_SHARE, DoubleType),
            nullable(Columns.TARGET_SHARE, DoubleType),
            nullable(Columns.SHARE_CHANGE, DoubleType),
            nullable(Columns.SHARE_CHANGE_RELATIVE, DoubleType),
            nullable(Columns.Z_SCORE, DoubleType),
            nullable(Columns.P_VALUE, DoubleType),
            required(Columns.STATUS, StringType),
          });

  public static final StructType TERM_DIFFUSION_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.SNAPSHOT_ID, StringType),
            required(Columns.REGION_LEVEL, StringType),
            required(Columns.TERM_KIND, StringType),
            required(Columns.TERM_ID, StringType),
            required(Columns.TERM, StringType),
            nullable(Columns.CATEGORY, StringType),
            required(Columns.REGION_CODE, StringType),
            required(Columns.REGION_NAME, StringType),
            nullable(Columns.PROVINCE_CODE, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            required(Columns.FIRST_SEEN, DateType),
            required(Columns.FIRST_DOC_ID, StringType),
            required(Columns.DOCUMENTS, LongType),
            required(Columns.APPEARANCE_RANK, IntegerType),
            required(Columns.DAYS_SINCE_FIRST, IntegerType),
            required(Columns.TERM_REGIONS, LongType),
          });

  public static final StructType REGION_SIMILARITY_SCHEMA =
      new StructType(
          new StructField[] {
            required(Columns.SNAPSHOT_ID, StringType),
            required(Columns.REGION_LEVEL, StringType),
            required(Columns.REGION_CODE, StringType),
            required(Columns.REGION_NAME, StringType),
            nullable(Columns.PROVINCE_NAME, StringType),
            required(Columns.SIMILAR_REGION_CODE, StringType),
            required(Columns.SIMILAR_REGION_NAME, StringType),
            nullable(Columns.SIMILAR_PROVINCE_NAME, StringType),
            required(Columns.RANK, IntegerType),
            required(Columns.SIMILARITY, DoubleType),
            nullable(Columns.SLOGAN_SIMILARITY, DoubleType),
            nullable(Columns.TOPIC_SIMILARITY, DoubleType),
            required(Columns.SHARED_TERMS, LongType),
            required(Columns.REGION_DOCUMENTS, LongType),
            required(Columns.SIMILAR_REGION_DOCUMENTS, LongType),
          });

  public static final Map<String, StructType> BY_NAME =
      Map.ofEntries(
          Map.entry(SLOGAN_CANDIDATES, SLOGAN_CANDIDATES_SCHEMA),
          Map.entry(DOCUMENTS, DOCUMENTS_SCHEMA),
          Map.entry(DOCUMENT_TERMS, DOCUMENT_TERMS_SCHEMA),
          Map.entry(MENTIONS, MENTIONS_SCHEMA),
          Map.entry(TEXTS, TEXTS_SCHEMA),
          Map.entry(QUARANTINE, QUARANTINE_SCHEMA),
          Map.entry(REGIONS, REGIONS_SCHEMA),
          Map.entry(TERM_COUNTS, TERM_COUNTS_SCHEMA),
          Map.entry(TERMS, TERMS_SCHEMA),
          Map.entry(TERM_CHANGES, TERM_CHANGES_SCHEMA),
          Map.entry(TERM_DIFFUSION, TERM_DIFFUSION_SCHEMA),
          Map.entry(REGION_SIMILARITY, REGION_SIMILARITY_SCHEMA));

  static StructField required(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }

  static StructField nullable(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}
