package org.tifa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the benchmark peers share: the input contract as an explicit schema, and the parts of the
 * one query that stands in for Tifa's slogan count — quoted phrases by region and month — which
 * {@link NaiveSpark} and {@link DuckDbPeer} spell each in their engine's terms. The contract is
 * read from {@code schemas/report.input.schema.json} as packaged, so the peers read exactly the
 * fields Tifa accepts; every field is read as a string (a number as its text).
 */
final class PeerInput {
  private PeerInput() {}

  static final String CONTRACT = "tifa/schemas/report.input.schema.json";

  /** Input fields the peers use (names from the contract). */
  static final String BODY = "body";

  static final String PUBLISHED_AT = "published_at";
  static final String CITY = "city";
  static final String REGION_CODE = "region_code";

  /** A quoted phrase: the text between Chinese double quotes (group 1). */
  static final String PHRASE_PATTERN = "“([^”]+)”";

  /** A city named in the text: the first two Han characters followed by 市 (group 1). */
  static final String CITY_PATTERN = "([一-龥]{2}市)";

  /**
   * The year and the month of {@code 2024-03-19}, {@code 2024/3/19}, {@code 2024年3月19日} (group 1
   * each).
   */
  static final String YEAR_PATTERN = "^(\\d{4})";

  static final String MONTH_PATTERN = "^\\d{4}\\D(\\d{1,2})";

  /** The peers' output columns. */
  static final String REGION = "region";

  static final String MONTH = "month";
  static final String PHRASE = "phrase";
  static final String MENTIONS = "mentions";

  /** Every property of the contract, in its order, as a nullable string column. */
  static StructType schema() {
    StructType schema = new StructType();
    for (Iterator<String> names = contract().get("properties").fieldNames(); names.hasNext(); ) {
      schema = schema.add(names.next(), DataTypes.StringType, true);
    }
    return schema;
  }

  /** The input files read by Spark's JSON source with the contract's schema (no inference). */
  static Dataset<Row> read(SparkSession spark, String... inputs) {
    return spark.read().schema(schema()).json(inputs);
  }

  private static JsonNode contract() {
    try (InputStream in = PeerInput.class.getClassLoader().getResourceAsStream(CONTRACT)) {
      if (in == null) {
        throw new IllegalStateException(CONTRACT + " is not on the class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
