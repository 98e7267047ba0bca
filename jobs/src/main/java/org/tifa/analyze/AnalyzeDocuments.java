package org.tifa.analyze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.types.StructType;
import org.tifa.extract.DiscoverSlogans;
import org.tifa.normalize.NearDuplicates;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.quarantine.QuarantineReason;
import org.tifa.resolve.RegionResolution;
import org.tifa.schema.Columns;

/**
 * The run's per-document pass: {@link DocumentAnalyzer} applied to every record read, as one
 * function call per record, its result spread into columns. In: the records as {@link
 * org.tifa.ingest.ReadReports#marked} reads them, rejected ones included. Out: the same rows, with
 *
 * <ul>
 *   <li>the normalized texts and normalization's counts, the given region fields normalized in
 *       place, the body's length and the content hash (SHA-256 of the normalized title and body)
 *       that exact-duplicate detection keys on;
 *   <li>the region columns of the documents table;
 *   <li>the quoted slogan candidates ({@link DiscoverSlogans#CANDIDATES}) and the near-duplicate
 *       signature and band keys ({@link NearDuplicates#SIGNATURE}, {@link NearDuplicates#BANDS}),
 *       which the later stages read instead of the texts.
 * </ul>
 *
 * A record left without a body by normalization (every line was boilerplate) is marked for
 * quarantine as empty_body at stage {@value #STAGE}; records that arrive marked keep their marks.
 * The raw body goes.
 */
public final class AnalyzeDocuments {
  private AnalyzeDocuments() {}

  /** The name of the one function in the query plan (as Spark shows it). */
  public static final String FUNCTION = "tifa_analyze";

  /** The quarantine stage of a record that normalization left without a body. */
  public static final String STAGE = "normalize";

  private static final String ANALYSIS = "_analysis";

  /** The columns of the normalized texts and normalization's counts, added. */
  private static final String[] TEXT = {
    Columns.TITLE,
    Columns.BODY,
    Columns.SOURCE,
    Columns.ORIGINAL_TITLE,
    Columns.PINYIN_REMOVED,
    Columns.LINES_DROPPED,
    Columns.TRADITIONAL_CONVERTED
  };

  /** The given region fields, replaced by their normalized values. */
  private static final String[] GIVEN = {
    Columns.GIVEN_PROVINCE, Columns.GIVEN_CITY, Columns.GIVEN_COUNTY
  };

  /** The region columns, added. */
  private static final StructType REGION =
      new StructType()
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.REGION_LEVEL, StringType)
          .add(Columns.REGION_NAME, StringType)
          .add(Columns.PROVINCE_CODE, StringType)
          .add(Columns.PROVINCE_NAME, StringType)
          .add(Columns.PREFECTURE_CODE, StringType)
          .add(Columns.PREFECTURE_NAME, StringType)
          .add(Columns.COUNTY_CODE, StringType)
          .add(Columns.COUNTY_NAME, StringType)
          .add(Columns.REGION_METHOD, StringType)
          .add(Columns.REGION_CONFIDENCE, DoubleType)
          .add(Columns.REGION_EVIDENCE, createArrayType(StringType, false))
          .add(Columns.REGION_GIVEN_UNMATCHED, StringType)
          .add(Columns.TEXT_REGION_CODE, StringType)
          .add(Columns.REGION_BASIS, StringType);

  /** One record's analysis as a row ({@link #toRow}). */
  static final StructType RESULT;

  static {
    StructType result =
        new StructType()
            .add(Columns.TITLE, StringType)
            .add(Columns.BODY, StringType)
            .add(Columns.SOURCE, StringType)
            .add(Columns.ORIGINAL_TITLE, StringType)
            .add(Columns.PINYIN_REMOVED, IntegerType)
            .add(Columns.LINES_DROPPED, IntegerType)
            .add(Columns.TRADITIONAL_CONVERTED, IntegerType)
            .add(Columns.GIVEN_PROVINCE, StringType)
            .add(Columns.GIVEN_CITY, StringType)
            .add(Columns.GIVEN_COUNTY, StringType)
            .add(Columns.BODY_CHARS, IntegerType);
    for (var field : REGION.fields()) {
      result = result.add(field);
    }
    RESULT =
        result
            .add(DiscoverSlogans.CANDIDATES, DiscoverSlogans.CANDIDATE_LIST)
            .add(NearDuplicates.SIGNATURE, createArrayType(IntegerType, false), false)
            .add(NearDuplicates.BANDS, createArrayType(LongType, false), false);
  }

  /** Analyzes every record; see the class comment for what is added. */
  public static Dataset<Row> apply(
      Dataset<Row> marked, Broadcast<DocumentAnalyzer> analyzer, int rawChars) {
    UDF7<String, String, String, String, String, String, String, Row> analyze =
        (title, body, source, code, province, city, county) ->
            toRow(
                analyzer
                    .value()
                    .analyze(
                        new DocumentAnalyzer.Given(
                            title, body, source, code, province, city, county)));
    Dataset<Row> analyzed =
        marked.withColumn(
            ANALYSIS,
            udf(analyze, RESULT)
                .withName(FUNCTION)
                .asNonNullable()
                .apply(
                    col(Columns.TITLE_RAW),
                    col(Columns.BODY_RAW),
                    col(Columns.SOURCE_RAW),
                    col(Columns.GIVEN_REGION_CODE),
                    col(Columns.GIVEN_PROVINCE),
                    col(Columns.GIVEN_CITY),
                    col(Columns.GIVEN_COUNTY)));
    List<Column> columns = new ArrayList<>(List.of(col("*")));
    for (String field : TEXT) {
      columns.add(field(field));
    }
    Dataset<Row> out = analyzed.select(columns.toArray(Column[]::new));
    for (String field : GIVEN) {
      out = out.withColumn(field, field(field));
    }
    out =
        markEmpty(
            out.withColumn(Columns.BODY_CHARS, field(Columns.BODY_CHARS))
                .withColumn(
                    Columns.CONTENT_HASH,
                    sha2(concat_ws("\u0000", col(Columns.TITLE), col(Columns.BODY)), 256)),
            rawChars);
    columns = new ArrayList<>(List.of(col("*")));
    for (String field : REGION.fieldNames()) {
      columns.add(field(field));
    }
    for (String field :
        List.of(DiscoverSlogans.CANDIDATES, NearDuplicates.SIGNATURE, NearDuplicates.BANDS)) {
      columns.add(field(field));
    }
    return out.select(columns.toArray(Column[]::new)).drop(ANALYSIS);
  }

  private static Column field(String name) {
    return col(ANALYSIS).getField(name).as(name);
  }

  /**
   * A record left without a body is marked empty_body, with its raw body (cut to {@code rawChars})
   * as the raw text; a record marked already keeps its marks. The raw body column goes.
   */
  private static Dataset<Row> markEmpty(Dataset<Row> normalized, int rawChars) {
    // Decided once, before the marks change: a mark set below would make a later test of
    // REASON see the record as marked already.
    String emptied = "_emptied";
    Column empty = col(emptied);
    return normalized
        .withColumn(
            emptied,
            col(Columns.REASON).isNull().and(coalesce(col(Columns.BODY), lit("")).equalTo(lit(""))))
        .withColumn(
            Columns.REASON,
            when(empty, lit(QuarantineReason.EMPTY_BODY.code())).otherwise(col(Columns.REASON)))
        .withColumn(
            Columns.DETAIL,
            when(empty, lit("nothing left after removing boilerplate lines"))
                .otherwise(col(Columns.DETAIL)))
        .withColumn(
            Columns.RAW,
            when(empty, substring(col(Columns.BODY_RAW), 1, rawChars)).otherwise(col(Columns.RAW)))
        .withColumn(
            Columns.RAW_TRUNCATED,
            when(empty, length(col(Columns.BODY_RAW)).gt(rawChars))
                .otherwise(col(Columns.RAW_TRUNCATED)))
        .withColumn(Columns.STAGE, when(empty, lit(STAGE)).otherwise(col(Columns.STAGE)))
        .drop(emptied, Columns.BODY_RAW);
  }

  /** One record's analysis as a row of {@link #RESULT}. */
  static Row toRow(DocumentAnalyzer.Analysis a) {
    NormalizedDoc d = a.text();
    RegionResolution r = a.region();
    return RowFactory.create(
        d.title(),
        d.body(),
        d.source(),
        d.originalTitle(),
        d.pinyinRemoved(),
        d.linesDropped(),
        d.traditionalConverted(),
        a.province(),
        a.city(),
        a.county(),
        a.bodyChars(),
        r.code(),
        r.level(),
        r.name(),
        r.provinceCode(),
        r.provinceName(),
        r.prefectureCode(),
        r.prefectureName(),
        r.countyCode(),
        r.countyName(),
        r.method(),
        r.confidence(),
        r.evidence(),
        r.givenUnmatched(),
        r.textRegionCode(),
        r.basis(),
        DiscoverSlogans.rows(a.candidates()),
        a.signed().signature(),
        a.signed().bands());
  }
}
