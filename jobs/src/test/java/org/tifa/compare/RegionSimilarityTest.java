package org.tifa.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

class RegionSimilarityTest extends SparkTest {

  /**
   * Shares (documents with the term / documents of the region): R1 济南 (2 documents) S1 1, T1 .5; R2
   * 聊城 (2) S1 .5, T1 1; R3 杭州 (1) S2 1, T1 1; R4 成都 (1) S3 1, sharing nothing. Norms: R1 and R2
   * √1.25, R3 √2. Cosines: R1·R2 = (.5+.5)/1.25 = .8; R1·R3 = .5/√2.5 = .3162; R2·R3 = 1/√2.5 =
   * .6325. Over slogans only: R1·R2 = .5/(1×.5) = 1, R3 shares no slogan: 0. Over topics: all 1.
   */
  @Test
  void eachRegionsMostSimilarPartnersByCosineOfShares() {
    Dataset<Row> docs =
        CompareRows.documents(
            spark(),
            CompareRows.doc(
                "d1", "2024-03-01", "day", "370100", "济南市", List.of("S1"), List.of("T1")),
            CompareRows.doc("d2", "2024-03-02", "year", "370100", "济南市", List.of("S1"), List.of()),
            CompareRows.doc(
                "d3", "2024-03-03", "day", "371500", "聊城市", List.of("S1"), List.of("T1")),
            CompareRows.doc("d4", "2024-03-04", "month", "371500", "聊城市", List.of(), List.of("T1")),
            CompareRows.doc(
                "d5", "2024-03-05", "day", "330100", "杭州市", List.of("S2"), List.of("T1")),
            CompareRows.doc("d6", "2024-03-06", "day", "510100", "成都市", List.of("S3"), List.of()),
            CompareRows.doc("d7", "2024-03-07", "day", null, null, List.of("S1"), List.of("T1")));

    Dataset<Row> two = RegionSimilarity.of(docs, "prefecture", 2, "snap");
    assertEquals(
        Arrays.asList(Tables.REGION_SIMILARITY_SCHEMA.fieldNames()), Arrays.asList(two.columns()));
    assertEquals(
        List.of(
            Arrays.asList("330100", "371500", "聊城市", 1, 0.6325, 0.0, 1.0, 1L, 1L, 2L),
            Arrays.asList("330100", "370100", "济南市", 2, 0.3162, 0.0, 1.0, 1L, 1L, 2L),
            Arrays.asList("370100", "371500", "聊城市", 1, 0.8, 1.0, 1.0, 2L, 2L, 2L),
            Arrays.asList("370100", "330100", "杭州市", 2, 0.3162, 0.0, 1.0, 1L, 2L, 1L),
            Arrays.asList("371500", "370100", "济南市", 1, 0.8, 1.0, 1.0, 2L, 2L, 2L),
            Arrays.asList("371500", "330100", "杭州市", 2, 0.6325, 0.0, 1.0, 1L, 2L, 1L)),
        CompareRows.values(
            two.orderBy(Columns.REGION_CODE, Columns.RANK),
            "region_code",
            "similar_region_code",
            "similar_region_name",
            "rank",
            "similarity",
            "slogan_similarity",
            "topic_similarity",
            "shared_terms",
            "region_documents",
            "similar_region_documents"));

    // Only the best partner each; 成都 shares nothing with anyone and is not listed.
    assertEquals(
        List.of(
            List.of("330100", "371500"), List.of("370100", "371500"), List.of("371500", "370100")),
        CompareRows.values(
            RegionSimilarity.of(docs, "prefecture", 1, "snap").orderBy(Columns.REGION_CODE),
            "region_code",
            "similar_region_code"));
  }

  @Test
  void aRegionWithoutTopicsHasNoTopicSimilarity() {
    Dataset<Row> docs =
        CompareRows.documents(
            spark(),
            CompareRows.doc("d1", "2024-03-01", "day", "370100", "济南市", List.of("S1"), List.of()),
            CompareRows.doc(
                "d2", "2024-03-02", "day", "371500", "聊城市", List.of("S1"), List.of("T1")));
    // 济南 (S1 1) and 聊城 (S1 1, T1 1): cosine 1/√2 = .7071; slogans alone 1; 济南 has no topic.
    assertEquals(
        List.of(
            Arrays.asList("370100", 0.7071, 1.0, null), Arrays.asList("371500", 0.7071, 1.0, null)),
        CompareRows.values(
            RegionSimilarity.of(docs, "prefecture", 10, "snap").orderBy(Columns.REGION_CODE),
            "region_code",
            "similarity",
            "slogan_similarity",
            "topic_similarity"));
  }
}
