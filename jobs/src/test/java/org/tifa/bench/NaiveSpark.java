package org.tifa.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_extract_all;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.tifa.spark.Logs;
import org.tifa.spark.Sessions;

/**
 * The slogan count as a Spark user would first write it, with built-in functions only: every quoted
 * phrase of every body, counted by region (the given city, else the given region code, else the
 * first city the body names) and month, written to Parquet. No normalization, no deduplication, no
 * region resolution. Usage: {@code NaiveSpark OUTPUT_DIR INPUT...}.
 */
public final class NaiveSpark {
  private NaiveSpark() {}

  static Dataset<Row> phrases(Dataset<Row> reports) {
    Column body = col(PeerInput.BODY);
    Column publishedAt = col(PeerInput.PUBLISHED_AT);
    Column region =
        coalesce(
            col(PeerInput.CITY),
            col(PeerInput.REGION_CODE),
            regexp_extract(body, PeerInput.CITY_PATTERN, 1));
    Column month =
        concat(
            regexp_extract(publishedAt, PeerInput.YEAR_PATTERN, 1),
            lit("-"),
            lpad(regexp_extract(publishedAt, PeerInput.MONTH_PATTERN, 1), 2, "0"));
    Column phrase = explode(regexp_extract_all(body, lit(PeerInput.PHRASE_PATTERN), lit(1)));
    return reports
        .select(region.as(PeerInput.REGION), month.as(PeerInput.MONTH), phrase.as(PeerInput.PHRASE))
        .groupBy(PeerInput.REGION, PeerInput.MONTH, PeerInput.PHRASE)
        .agg(count(lit(1)).as(PeerInput.MENTIONS));
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: NaiveSpark OUTPUT_DIR INPUT...");
      System.exit(2);
    }
    Logs.configure(false);
    SparkSession spark = Sessions.create("bench naive spark", false);
    try {
      phrases(PeerInput.read(spark, Arrays.copyOfRange(args, 1, args.length)))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(args[0]);
      System.out.println("naive: wrote " + args[0]);
    } finally {
      spark.stop();
    }
  }
}
