package org.tifa.normalize;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.tifa.quarantine.QuarantineReason;
import org.tifa.quarantine.StageResult;
import org.tifa.schema.Columns;

/**
 * Stage 2: every text field normalized once ({@link TextNormalizer}: Unicode cleanup, pinyin
 * annotations removed, Traditional to Simplified, boilerplate lines dropped, 来源/原标题 header lines
 * read into source and original_title), and the content hash that duplicate detection keys on:
 * SHA-256 of the normalized title and body. The raw title is kept beside the normalized one.
 */
public final class NormalizeText {
  private NormalizeText() {}

  private static final String NORMALIZED = "_normalized";

  /**
   * What the stage makes of one record ({@link #normalizeRecord}): the normalized title, body and
   * source, the original title read from a header line, the counts of what was removed or
   * converted, the given region fields normalized, and the body's length in code points.
   */
  public static final StructType RESULT =
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

  /**
   * The fields of {@link #RESULT} that become new columns; the given region fields replace theirs.
   */
  private static final String[] ADDED = {
    Columns.TITLE,
    Columns.BODY,
    Columns.SOURCE,
    Columns.ORIGINAL_TITLE,
    Columns.PINYIN_REMOVED,
    Columns.LINES_DROPPED,
    Columns.TRADITIONAL_CONVERTED
  };

  private static final String[] GIVEN = {
    Columns.GIVEN_PROVINCE, Columns.GIVEN_CITY, Columns.GIVEN_COUNTY
  };

  public static final String STAGE = "normalize";

  /**
   * Normalizes; a record whose body is nothing but boilerplate (every line dropped) is quarantined
   * as empty_body, with its raw body as the raw text.
   */
  public static StageResult apply(
      Dataset<Row> records, Broadcast<TextNormalizer> normalizer, int rawChars) {
    return StageResult.split(mark(records, normalizer, rawChars), STAGE);
  }

  /**
   * Normalizes and marks, without splitting: a record emptied by normalization gets reason
   * empty_body, its detail, raw body and {@link Columns#STAGE} {@code normalize}. Records that
   * arrive marked already (with reason, detail, raw, raw_truncated and stage columns, as from
   * {@link org.tifa.ingest.ReadReports#marked}) keep their marks.
   */
  public static Dataset<Row> mark(
      Dataset<Row> records, Broadcast<TextNormalizer> normalizer, int rawChars) {
    return markEmpty(normalize(records, normalizer), rawChars);
  }

  /**
   * {@link #mark}'s marking, over records already normalized (with {@link #withNormalized}): a
   * record left without a body is quarantined as empty_body; the raw body column goes.
   */
  public static Dataset<Row> markEmpty(Dataset<Row> normalized, int rawChars) {
    boolean marked = java.util.Arrays.asList(normalized.columns()).contains(Columns.REASON);
    Column accepted = marked ? col(Columns.REASON).isNull() : lit(true);
    Column empty = accepted.and(coalesce(col(Columns.BODY), lit("")).equalTo(lit("")));
    return normalized
        .withColumn(
            Columns.REASON,
            otherwise(when(empty, lit(QuarantineReason.EMPTY_BODY.code())), Columns.REASON, marked))
        .withColumn(
            Columns.DETAIL,
            otherwise(
                when(empty, lit("nothing left after removing boilerplate lines")),
                Columns.DETAIL,
                marked))
        .withColumn(
            Columns.RAW,
            otherwise(
                when(empty, substring(col(Columns.BODY_RAW), 1, rawChars)), Columns.RAW, marked))
        .withColumn(
            Columns.RAW_TRUNCATED,
            otherwise(
                when(empty, length(col(Columns.BODY_RAW)).gt(rawChars)),
                Columns.RAW_TRUNCATED,
                marked))
        .withColumn(Columns.STAGE, otherwise(when(empty, lit(STAGE)), Columns.STAGE, marked))
        .drop(Columns.BODY_RAW);
  }

  /**
   * This stage's mark where it made one, else the mark the row arrived with (if rows arrive
   * marked).
   */
  private static Column otherwise(Column mark, String column, boolean marked) {
    return marked ? mark.otherwise(col(column)) : mark;
  }

  static Dataset<Row> normalize(Dataset<Row> records, Broadcast<TextNormalizer> normalizer) {
    UserDefinedFunction record =
        udf(
            (UDF6<String, String, String, String, String, String, Row>)
                (title, body, source, province, city, county) ->
                    normalizeRecord(
                        normalizer.value(), title, body, source, province, city, county),
            RESULT);
    return withNormalized(
        records.withColumn(
            NORMALIZED,
            record.apply(
                col(Columns.TITLE_RAW),
                col(Columns.BODY_RAW),
                col(Columns.SOURCE_RAW),
                col(Columns.GIVEN_PROVINCE),
                col(Columns.GIVEN_CITY),
                col(Columns.GIVEN_COUNTY))),
        NORMALIZED);
  }

  /** The stage's work on one record, as a row of {@link #RESULT}. */
  public static Row normalizeRecord(
      TextNormalizer normalizer,
      String title,
      String body,
      String source,
      String province,
      String city,
      String county) {
    NormalizedDoc d = normalizer.normalizeDocument(title, body, source);
    return RowFactory.create(
        d.title(),
        d.body(),
        d.source(),
        d.originalTitle(),
        d.pinyinRemoved(),
        d.linesDropped(),
        d.traditionalConverted(),
        normalizer.normalizeField(province),
        normalizer.normalizeField(city),
        normalizer.normalizeField(county),
        d.body() == null ? null : d.body().codePointCount(0, d.body().length()));
  }

  /**
   * The records with the {@link #RESULT} struct in column {@code struct} spread out: its texts and
   * counts as new columns, its given region fields in place of the raw ones; then the body's length
   * and the content hash. The struct column goes.
   */
  public static Dataset<Row> withNormalized(Dataset<Row> records, String struct) {
    List<Column> columns = new ArrayList<>(List.of(col("*")));
    for (String field : ADDED) {
      columns.add(col(struct).getField(field).as(field));
    }
    Dataset<Row> out = records.select(columns.toArray(Column[]::new));
    for (String field : GIVEN) {
      out = out.withColumn(field, col(struct).getField(field));
    }
    // The body's length in code points, as Spark's length() would give, counted by the record
    // function on the Java string instead of by a second scan of the body's UTF-8 bytes.
    return out.withColumn(Columns.BODY_CHARS, col(struct).getField(Columns.BODY_CHARS))
        .drop(struct)
        .withColumn(
            Columns.CONTENT_HASH,
            sha2(concat_ws("\u0000", col(Columns.TITLE), col(Columns.BODY)), 256));
  }
}
