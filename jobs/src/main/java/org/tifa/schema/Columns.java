package org.tifa.schema;

/** Column names shared by stages, writers and tests: one place, so a rename is one edit. */
public final class Columns {
  private Columns() {}

  // Where a record came from.
  public static final String INPUT_FILE = "input_file";
  public static final String INPUT_LINE = "input_line";

  // Fields of the input contract, as given.
  public static final String DOC_ID = "doc_id";
  public static final String TITLE_RAW = "title_raw";
  public static final String BODY_RAW = "body_raw";
  public static final String PUBLISHED_AT_RAW = "published_at_raw";
  public static final String SOURCE_RAW = "source_raw";
  public static final String URL = "url";
  public static final String GIVEN_REGION_CODE = "given_region_code";
  public static final String GIVEN_PROVINCE = "given_province";
  public static final String GIVEN_CITY = "given_city";
  public static final String GIVEN_COUNTY = "given_county";

  // Derived per document.
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String SOURCE = "source";
  public static final String ORIGINAL_TITLE = "original_title";
  public static final String PUBLISHED_AT = "published_at";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String DATE_PRECISION = "date_precision";
  public static final String BODY_CHARS = "body_chars";
  public static final String CONTENT_HASH = "content_hash";
  public static final String DUPLICATE_COUNT = "duplicate_count";
  public static final String DUPLICATE_SOURCES = "duplicate_sources";
  public static final String NEAR_DUPLICATE_SIMILARITY = "near_duplicate_similarity";
  public static final String KEPT_INPUT_FILE = "kept_input_file";
  public static final String KEPT_INPUT_LINE = "kept_input_line";
  public static final String PINYIN_REMOVED = "pinyin_removed";
  public static final String LINES_DROPPED = "lines_dropped";
  public static final String TRADITIONAL_CONVERTED = "traditional_converted";

  public static final String REGION_CODE = "region_code";
  public static final String REGION_LEVEL = "region_level";
  public static final String REGION_NAME = "region_name";
  public static final String PROVINCE_CODE = "province_code";
  public static final String PROVINCE_NAME = "province_name";
  public static final String PREFECTURE_CODE = "prefecture_code";
  public static final String PREFECTURE_NAME = "prefecture_name";
  public static final String COUNTY_CODE = "county_code";
  public static final String COUNTY_NAME = "county_name";
  public static final String REGION_METHOD = "region_method";
  public static final String REGION_CONFIDENCE = "region_confidence";
  public static final String REGION_EVIDENCE = "region_evidence";
  public static final String REGION_GIVEN_UNMATCHED = "region_given_unmatched";
  public static final String TEXT_REGION_CODE = "text_region_code";
  public static final String REGION_BASIS = "region_basis";
  public static final String NAME = "name";
  public static final String LEVEL = "level";
  public static final String CODE = "code";
  public static final String PARENT_CODE = "parent_code";
  public static final String SHORT_NAME = "short_name";
  public static final String SLOGANS = "slogans";
  public static final String TOPICS = "topics";
  public static final String TOPIC_SALIENCE = "topic_salience";

  // Terms.
  public static final String TERM_HITS = "term_hits";
  public static final String TERM_KIND = "term_kind";
  public static final String TERM_ID = "term_id";

  /** Inside {@link #TERM_HITS} only: the term's 64-bit key, never written. */
  public static final String TERM_KEY = "term_key";

  public static final String TERM = "term";
  public static final String CATEGORY = "category";
  public static final String MENTIONS = "mentions";

  /** Inside {@link #TERM_HITS} only: mentions per 10,000 characters of the document. */
  public static final String SALIENCE = "salience";

  /** Inside {@link #TERM_HITS} only: whether the document counts as being about the term. */
  public static final String ABOUT = "about";

  public static final String ALIASES = "aliases";

  /** Inside {@link #TERM_HITS}, and document_terms: offset of the term's first mention. */
  public static final String FIRST_START = "first_start";

  /** Each accepted document's mentions (array of structs), until written as the mentions table. */
  public static final String MENTION_ROWS = "mention_rows";

  public static final String START = "start";
  public static final String END = "end";
  public static final String SURFACE = "surface";
  public static final String QUOTED = "quoted";
  public static final String CONTEXT = "context";
  public static final String CONTEXT_START = "context_start";

  // term_counts.
  public static final String SNAPSHOT_ID = "snapshot_id";
  public static final String GRAIN = "grain";
  public static final String PERIOD = "period";
  public static final String PERIOD_START = "period_start";
  public static final String DOCUMENTS = "documents";
  public static final String WEIGHTED_DOCUMENTS = "weighted_documents";
  public static final String SOURCES = "sources";
  public static final String REGION_DOCUMENTS = "region_documents";
  public static final String DOCUMENT_SHARE = "document_share";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";
  public static final String FIRST_REGION_CODE = "first_region_code";
  public static final String FIRST_REGION_NAME = "first_region_name";

  // Comparisons (tifa compare).
  public static final String BASE_SNAPSHOT_ID = "base_snapshot_id";
  public static final String TARGET_SNAPSHOT_ID = "target_snapshot_id";
  public static final String BASE_MENTIONS = "base_mentions";
  public static final String TARGET_MENTIONS = "target_mentions";
  public static final String BASE_DOCUMENTS = "base_documents";
  public static final String TARGET_DOCUMENTS = "target_documents";
  public static final String BASE_REGION_DOCUMENTS = "base_region_documents";
  public static final String TARGET_REGION_DOCUMENTS = "target_region_documents";
  public static final String BASE_SHARE = "base_share";
  public static final String TARGET_SHARE = "target_share";
  public static final String SHARE_CHANGE = "share_change";
  public static final String SHARE_CHANGE_RELATIVE = "share_change_relative";
  public static final String Z_SCORE = "z_score";
  public static final String P_VALUE = "p_value";
  public static final String STATUS = "status";
  public static final String FIRST_DOC_ID = "first_doc_id";
  public static final String APPEARANCE_RANK = "appearance_rank";
  public static final String DAYS_SINCE_FIRST = "days_since_first";
  public static final String TERM_REGIONS = "term_regions";
  public static final String SIMILAR_REGION_CODE = "similar_region_code";
  public static final String SIMILAR_REGION_NAME = "similar_region_name";
  public static final String SIMILAR_PROVINCE_NAME = "similar_province_name";
  public static final String RANK = "rank";
  public static final String SIMILARITY = "similarity";
  public static final String SLOGAN_SIMILARITY = "slogan_similarity";
  public static final String TOPIC_SIMILARITY = "topic_similarity";
  public static final String SHARED_TERMS = "shared_terms";
  public static final String SIMILAR_REGION_DOCUMENTS = "similar_region_documents";

  // Quarantine.
  public static final String STAGE = "stage";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  // terms and slogan_candidates: where a slogan came from and its evidence.
  public static final String ORIGIN = "origin";
  public static final String FAMILY = "family";
  public static final String QUOTED_DOCUMENTS = "quoted_documents";
  public static final String QUOTED_MENTIONS = "quoted_mentions";
  public static final String QUOTE_SHARE = "quote_share";
  public static final String CANDIDATE = "candidate";
  public static final String VERDICT = "verdict";
  public static final String REGIONS = "regions";
  public static final String RAW = "raw";
  public static final String RAW_TRUNCATED = "raw_truncated";
}
