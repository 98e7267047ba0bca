package org.tifa.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;

class NearDuplicatesTest extends SparkTest {
  private static final StructType IN =
      new StructType()
          .add(Columns.DOC_ID, StringType, false)
          .add(Columns.TITLE, StringType)
          .add(Columns.BODY, StringType)
          .add(Columns.SOURCE, StringType)
          .add(Columns.PUBLISHED_AT, TimestampType, false)
          .add(Columns.INPUT_FILE, StringType, false)
          .add(Columns.INPUT_LINE, LongType, false)
          .add(Columns.REGION_CODE, StringType)
          .add(Columns.DUPLICATE_COUNT, IntegerType, false)
          .add(Columns.DUPLICATE_SOURCES, createArrayType(StringType, false), false);

  private static final String NOTICE_BINZHOU_TITLE = Articles.NOTICE_TITLE.replace("德州", "滨州");
  private static final String NOTICE_BINZHOU_BODY = Articles.NOTICE_BODY.replace("德州", "滨州");

  private static Row doc(
      String id,
      String title,
      String body,
      String source,
      String at,
      String file,
      long line,
      String region,
      int copies,
      String... copySources) {
    return RowFactory.create(
        id, title, body, source, Instant.parse(at), file, line, region, copies, copySources);
  }

  /** The article, three republications of it, and four records that must stay apart. */
  private static List<Row> articles() {
    return List.of(
        doc(
            "a-orig",
            Articles.TITLE,
            Articles.BODY,
            "聊城日报",
            "2024-03-01T00:00:00Z",
            "f1",
            2,
            "371500",
            1,
            "大众网"),
        doc(
            "a-rehead",
            Articles.TITLE,
            Articles.BODY_REHEADED,
            "齐鲁网",
            "2024-03-02T00:00:00Z",
            "f2",
            1,
            "371500",
            0),
        doc(
            "a-footer",
            Articles.TITLE,
            Articles.BODY_FOOTER,
            "中国山东网",
            "2024-03-03T00:00:00Z",
            "f1",
            5,
            null,
            2,
            "聊城新闻网",
            "齐鲁网"),
        // Same instant as a-orig: the later line loses.
        doc(
            "a-edited",
            Articles.TITLE,
            Articles.BODY_EDITED,
            null,
            "2024-03-01T00:00:00Z",
            "f1",
            9,
            "371500",
            0),
        // Published before the article, on the same topic: must neither absorb nor be absorbed.
        doc(
            "b-meeting",
            Articles.UNRELATED_TITLE,
            Articles.UNRELATED_BODY,
            "聊城日报",
            "2024-02-20T00:00:00Z",
            "f2",
            3,
            "371500",
            0),
        doc(
            "n-dezhou",
            Articles.NOTICE_TITLE,
            Articles.NOTICE_BODY,
            "德州新闻网",
            "2024-03-28T00:00:00Z",
            "f3",
            1,
            "371400",
            3,
            "德州日报"),
        doc(
            "n-binzhou",
            NOTICE_BINZHOU_TITLE,
            NOTICE_BINZHOU_BODY,
            "滨州网",
            "2024-03-28T00:00:00Z",
            "f3",
            2,
            "371600",
            0),
        doc("x-empty", null, "——", "某网", "2024-03-01T00:00:00Z", "f3", 3, null, 0));
  }

  /** The records with their signatures and band keys, as the run's per-document pass adds them. */
  private static Dataset<Row> signed(Dataset<Row> docs, NearDuplicates.Settings settings) {
    NearDuplicateSigner signer = new NearDuplicateSigner(settings);
    StructType type =
        new StructType()
            .add("s", createArrayType(IntegerType, false), false)
            .add("b", createArrayType(LongType, false), false);
    UDF2<String, String, Row> sign =
        (title, body) -> {
          NearDuplicateSigner.Signed signed = signer.sign(title, body);
          return RowFactory.create(signed.signature(), signed.bands());
        };
    return docs.withColumn("_signed", udf(sign, type).apply(col(Columns.TITLE), col(Columns.BODY)))
        .withColumn(NearDuplicates.SIGNATURE, col("_signed.s"))
        .withColumn(NearDuplicates.BANDS, col("_signed.b"))
        .drop("_signed");
  }

  @Test
  void theFixtureIsWhatItClaims() {
    for (String copy :
        List.of(Articles.BODY_REHEADED, Articles.BODY_FOOTER, Articles.BODY_EDITED)) {
      double j = ShingleSets.jaccard(Articles.ORIGINAL, Articles.TITLE + "\n" + copy, 5);
      Assertions.assertTrue(j > 0.94, "a copy: " + j);
    }
    Assertions.assertTrue(ShingleSets.jaccard(Articles.ORIGINAL, Articles.UNRELATED, 5) < 0.1);
    double notices =
        ShingleSets.jaccard(
            Articles.NOTICE_TITLE + Articles.NOTICE_BODY,
            NOTICE_BINZHOU_TITLE + NOTICE_BINZHOU_BODY,
            5);
    Assertions.assertTrue(notices < 0.75, "notices: " + notices);
  }

  @ParameterizedTest(name = "{0} partitions, buckets capped at {1}")
  @CsvSource({"1, 500", "7, 500", "3, 2", "3, 500"})
  void copiesAreFoldedIntoTheEarliest(int partitions, int maxBucket) {
    NearDuplicates.Settings settings = new NearDuplicates.Settings(0.9, 5, 128, maxBucket);
    Dataset<Row> input = spark().createDataFrame(articles(), IN).repartition(partitions);
    NearDuplicates.Result result = NearDuplicates.apply(signed(input, settings), settings);

    // a-orig: 1 own copy + a-rehead (1) + a-footer (1 + 2) + a-edited (1) = 6.
    List<Row> expectedRows = new ArrayList<>(articles().subList(4, 8));
    expectedRows.add(
        doc(
            "a-orig",
            Articles.TITLE,
            Articles.BODY,
            "聊城日报",
            "2024-03-01T00:00:00Z",
            "f1",
            2,
            "371500",
            6,
            "中国山东网",
            "大众网",
            "聊城新闻网",
            "齐鲁网"));
    assertDataFrameNoOrderEquals(
        comparable(spark().createDataFrame(expectedRows, IN)),
        comparable(result.kept().drop(Columns.NEAR_DUPLICATE_SIMILARITY)));

    Map<String, Double> similarity = similarities(result.kept());
    double lowestTrue =
        List.of(Articles.BODY_REHEADED, Articles.BODY_FOOTER, Articles.BODY_EDITED).stream()
            .mapToDouble(b -> ShingleSets.jaccard(Articles.ORIGINAL, Articles.TITLE + "\n" + b, 5))
            .min()
            .orElseThrow();
    double orig = similarity.get("a-orig");
    Assertions.assertTrue(orig >= 0.9 && orig < 1, "similarity " + orig);
    assertEquals(lowestTrue, orig, 0.1);
    for (String id : List.of("b-meeting", "n-dezhou", "n-binzhou", "x-empty")) {
      assertNull(similarity.get(id), id);
    }

    Set<String> absorbed = new TreeSet<>();
    for (Row r : result.absorbed().collectAsList()) {
      absorbed.add(
          r.getAs(Columns.DOC_ID)
              + " -> "
              + r.getAs(Columns.KEPT_INPUT_FILE)
              + ":"
              + r.getAs(Columns.KEPT_INPUT_LINE));
    }
    assertEquals(Set.of("a-edited -> f1:2", "a-footer -> f1:2", "a-rehead -> f1:2"), absorbed);
    assertEquals(3, result.absorbedCount());
  }

  @Test
  void aChainIsOneGroupEvenWhereItsEndsDiffer() {
    double ab = ShingleSets.jaccard(Articles.CHAIN_A, Articles.CHAIN_B, 5);
    double bc = ShingleSets.jaccard(Articles.CHAIN_B, Articles.CHAIN_C, 5);
    double ac = ShingleSets.jaccard(Articles.CHAIN_A, Articles.CHAIN_C, 5);
    Assertions.assertTrue(ab > 0.78 && bc > 0.78 && ac < 0.65, ab + " " + bc + " " + ac);

    List<Row> rows =
        List.of(
            doc(
                "c-a",
                Articles.CHAIN_TITLE,
                Articles.CHAIN_A,
                "德州日报",
                "2024-05-01T00:00:00Z",
                "f1",
                1,
                "371400",
                0),
            doc(
                "c-b",
                Articles.CHAIN_TITLE,
                Articles.CHAIN_B,
                "大众网",
                "2024-05-02T00:00:00Z",
                "f1",
                2,
                "371400",
                0),
            doc(
                "c-c",
                Articles.CHAIN_TITLE,
                Articles.CHAIN_C,
                "齐鲁网",
                "2024-05-03T00:00:00Z",
                "f1",
                3,
                "371400",
                1,
                "大众网"),
            articles().get(4));
    NearDuplicates.Settings settings = new NearDuplicates.Settings(0.7, 5, 128, 500);
    NearDuplicates.Result result =
        NearDuplicates.apply(
            signed(spark().createDataFrame(rows, IN).repartition(3), settings), settings);

    Dataset<Row> expected =
        spark()
            .createDataFrame(
                List.of(
                    doc(
                        "c-a",
                        Articles.CHAIN_TITLE,
                        Articles.CHAIN_A,
                        "德州日报",
                        "2024-05-01T00:00:00Z",
                        "f1",
                        1,
                        "371400",
                        3,
                        "大众网",
                        "齐鲁网"),
                    articles().get(4)),
                IN);
    assertDataFrameNoOrderEquals(
        comparable(expected), comparable(result.kept().drop(Columns.NEAR_DUPLICATE_SIMILARITY)));
    assertEquals(2, result.absorbedCount());
    // c-c is below the threshold against c-a, so it can only have come in through c-b.
    double recorded = similarities(result.kept()).get("c-a");
    Assertions.assertTrue(recorded < 0.7, "similarity " + recorded);
    assertEquals(ac, recorded, 0.1);
  }

  @Test
  void aThresholdOfOneKeepsEverything() {
    NearDuplicates.Settings settings = new NearDuplicates.Settings(1.0, 5, 128, 500);
    Dataset<Row> input = spark().createDataFrame(articles(), IN);
    NearDuplicates.Result result = NearDuplicates.apply(signed(input, settings), settings);
    assertDataFrameNoOrderEquals(
        comparable(input), comparable(result.kept().drop(Columns.NEAR_DUPLICATE_SIMILARITY)));
    assertEquals(
        0, result.kept().filter(col(Columns.NEAR_DUPLICATE_SIMILARITY).isNotNull()).count());
    assertEquals(0, result.absorbed().count());
    assertEquals(0, result.absorbedCount());
    assertEquals(List.of(IN.fieldNames()).size() + 1, result.kept().columns().length);
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    Assertions.assertThrows(
        IllegalArgumentException.class, () -> new NearDuplicates.Settings(0, 5, 128, 500));
    Assertions.assertThrows(
        IllegalArgumentException.class, () -> new NearDuplicates.Settings(1.5, 5, 128, 500));
    Assertions.assertThrows(
        IllegalArgumentException.class, () -> new NearDuplicates.Settings(0.9, 5, 128, 1));
  }

  /** The same columns with the nullability the stage does not promise to keep. */
  private static Dataset<Row> comparable(Dataset<Row> df) {
    return df.selectExpr(
        Columns.DOC_ID,
        Columns.TITLE,
        Columns.BODY,
        Columns.SOURCE,
        Columns.PUBLISHED_AT,
        Columns.INPUT_FILE,
        Columns.INPUT_LINE,
        Columns.REGION_CODE,
        Columns.DUPLICATE_COUNT,
        "cast(" + Columns.DUPLICATE_SOURCES + " as array<string>) as " + Columns.DUPLICATE_SOURCES);
  }

  private static Map<String, Double> similarities(Dataset<Row> kept) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : kept.select(Columns.DOC_ID, Columns.NEAR_DUPLICATE_SIMILARITY).collectAsList()) {
      out.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    return out;
  }
}
