package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.types.StructType;
import org.tifa.extract.DiscoverSlogans;
import org.tifa.extract.SloganExtractor;
import org.tifa.normalize.NearDuplicates;
import org.tifa.normalize.NormalizeText;
import org.tifa.normalize.TextNormalizer;
import org.tifa.resolve.RegionResolver;
import org.tifa.resolve.ResolveRegion;
import org.tifa.schema.Columns;

/**
 * The per-document work of {@code tifa run} in one function call per record: normalize the text,
 * resolve the region, find quoted slogan candidates, sign for near duplicates. The result is that
 * of the stages applied one after another —
 *
 * <pre>
 * NearDuplicates.sign(DiscoverSlogans.quote(ResolveRegion.apply(NormalizeText.mark(marked)))))
 * </pre>
 *
 * — column for column ({@code FirstPassTest} checks it), but each record's texts cross from Spark
 * to Java once instead of once per stage: decoding a body to a Java string four times was a tenth
 * of the pass. Each stage still owns its work ({@code normalizeRecord}, {@code toRow}, {@code
 * candidates}, {@code Signer}) and how its result becomes columns ({@code withNormalized}, {@code
 * withRegion}, {@code withSignature}); this class only calls them in order.
 */
public final class FirstPass {
  private FirstPass() {}

  /** The per-document helpers, built on the driver and broadcast once. */
  public record Tools(
      Broadcast<TextNormalizer> normalizer,
      Broadcast<RegionResolver> resolver,
      Broadcast<SloganExtractor> extractor) {
    /** The reference data's helpers, each broadcast once. */
    public static Tools broadcast(JavaSparkContext jsc, ReferenceData reference) {
      return new Tools(
          jsc.broadcast(reference.normalizer()),
          jsc.broadcast(reference.regionResolver()),
          jsc.broadcast(reference.sloganExtractor()));
    }
  }

  /** The name of the one function in the query plan (as Spark shows it). */
  public static final String FUNCTION = "tifa_first_pass";

  private static final String PASS = "_pass";
  private static final String NORMALIZED = "normalized";
  private static final String REGION = "region";
  private static final String CANDIDATES = "candidates";
  private static final String SIGNED = "signed";

  private static final StructType RESULT =
      new StructType()
          .add(NORMALIZED, NormalizeText.RESULT)
          .add(REGION, ResolveRegion.RESULT)
          .add(CANDIDATES, DiscoverSlogans.CANDIDATE_LIST)
          .add(SIGNED, NearDuplicates.SIGNED, false);

  /**
   * Marked records in (as from {@code ReadReports.marked}), every record out, analyzed and marked.
   */
  public static Dataset<Row> apply(
      Dataset<Row> marked, Tools tools, NearDuplicates.Settings dedup, int rawChars) {
    Broadcast<TextNormalizer> normalizer = tools.normalizer();
    Broadcast<RegionResolver> resolver = tools.resolver();
    Broadcast<SloganExtractor> extractor = tools.extractor();
    NearDuplicates.Signer signer = new NearDuplicates.Signer(dedup);
    StructType n = NormalizeText.RESULT;
    int title = n.fieldIndex(Columns.TITLE);
    int body = n.fieldIndex(Columns.BODY);
    int province = n.fieldIndex(Columns.GIVEN_PROVINCE);
    int city = n.fieldIndex(Columns.GIVEN_CITY);
    int county = n.fieldIndex(Columns.GIVEN_COUNTY);
    UDF7<String, String, String, String, String, String, String, Row> analyze =
        (titleRaw, bodyRaw, sourceRaw, code, provinceRaw, cityRaw, countyRaw) -> {
          Row norm =
              NormalizeText.normalizeRecord(
                  normalizer.value(),
                  titleRaw,
                  bodyRaw,
                  sourceRaw,
                  provinceRaw,
                  cityRaw,
                  countyRaw);
          String t = norm.getString(title);
          String b = norm.getString(body);
          Row region =
              ResolveRegion.toRow(
                  resolver
                      .value()
                      .resolve(
                          code,
                          norm.getString(province),
                          norm.getString(city),
                          norm.getString(county),
                          t,
                          b));
          return RowFactory.create(
              norm, region, DiscoverSlogans.candidates(extractor.value(), t, b), signer.sign(t, b));
        };
    Dataset<Row> analyzed =
        marked.withColumn(
            PASS,
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
    String part = "_part";
    Dataset<Row> normalized =
        NormalizeText.markEmpty(
            NormalizeText.withNormalized(
                analyzed.withColumn(part, col(PASS + "." + NORMALIZED)), part),
            rawChars);
    Dataset<Row> located =
        ResolveRegion.withRegion(normalized.withColumn(part, col(PASS + "." + REGION)), part);
    Dataset<Row> quoted =
        located.withColumn(DiscoverSlogans.CANDIDATES, col(PASS + "." + CANDIDATES));
    return NearDuplicates.withSignature(quoted.withColumn(part, col(PASS + "." + SIGNED)), part)
        .drop(PASS);
  }
}
