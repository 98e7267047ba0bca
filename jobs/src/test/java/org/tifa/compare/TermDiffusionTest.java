package org.tifa.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

class TermDiffusionTest extends SparkTest {

  /**
   * Slogan S: 济南 and 聊城 on 03-10 (tie: both rank 1), 杭州 on 03-15 (rank 3, five days later; its
   * 03-01 is only a month date and does not count); a document without a prefecture is not placed.
   * Topic T: 济南 on 03-05, 聊城 on 03-10. Slogan U is missing from the terms table: its id is shown.
   */
  @Test
  void regionsInOrderOfFirstAppearance() {
    Dataset<Row> docs =
        CompareRows.documents(
            spark(),
            CompareRows.doc("d1", "2024-03-10", "day", "371500", "聊城市", List.of("S"), List.of("T")),
            CompareRows.doc(
                "d2", "2024-03-10", "day", "370100", "济南市", List.of("S", "U"), List.of()),
            CompareRows.doc("d3", "2024-03-01", "month", "330100", "杭州市", List.of("S"), List.of()),
            CompareRows.doc("d4", "2024-03-15", "day", "330100", "杭州市", List.of("S"), List.of()),
            CompareRows.doc("d5", "2024-03-05", "day", "370100", "济南市", List.of(), List.of("T")),
            CompareRows.doc("d6", "2024-01-01", "day", null, null, List.of("S"), List.of()),
            CompareRows.doc("d7", "2024-03-12", "day", "371500", "聊城市", List.of("S"), List.of()),
            CompareRows.doc("d0", "2024-03-10", "day", "371500", "聊城市", List.of(), List.of()));
    Dataset<Row> terms =
        CompareRows.terms(
            spark(),
            RowFactory.create("slogan", "S", "S显示", "local_campaign"),
            RowFactory.create("topic", "T", "党的建设", "party"));

    Dataset<Row> diffusion = TermDiffusion.of(docs, terms, "prefecture", "snap");
    assertEquals(
        Arrays.asList(Tables.TERM_DIFFUSION_SCHEMA.fieldNames()),
        Arrays.asList(diffusion.columns()));
    LocalDate m10 = LocalDate.parse("2024-03-10");
    assertEquals(
        List.of(
            Arrays.asList(
                "slogan",
                "S",
                "S显示",
                "local_campaign",
                "370100",
                "济南市",
                "370000",
                m10,
                "d2",
                1L,
                1,
                0,
                3L),
            Arrays.asList(
                "slogan",
                "S",
                "S显示",
                "local_campaign",
                "371500",
                "聊城市",
                "370000",
                m10,
                "d1",
                2L,
                1,
                0,
                3L),
            Arrays.asList(
                "slogan",
                "S",
                "S显示",
                "local_campaign",
                "330100",
                "杭州市",
                "330000",
                LocalDate.parse("2024-03-15"),
                "d4",
                1L,
                3,
                5,
                3L),
            Arrays.asList(
                "slogan", "U", "U", null, "370100", "济南市", "370000", m10, "d2", 1L, 1, 0, 1L),
            Arrays.asList(
                "topic",
                "T",
                "党的建设",
                "party",
                "370100",
                "济南市",
                "370000",
                LocalDate.parse("2024-03-05"),
                "d5",
                1L,
                1,
                0,
                2L),
            Arrays.asList(
                "topic", "T", "党的建设", "party", "371500", "聊城市", "370000", m10, "d1", 1L, 2, 5, 2L)),
        CompareRows.values(
            diffusion.orderBy(
                Columns.TERM_KIND, Columns.TERM_ID, Columns.APPEARANCE_RANK, Columns.REGION_CODE),
            "term_kind",
            "term_id",
            "term",
            "category",
            "region_code",
            "region_name",
            "province_code",
            "first_seen",
            "first_doc_id",
            "documents",
            "appearance_rank",
            "days_since_first",
            "term_regions"));
    assertEquals(
        List.of(List.of("snap", "prefecture")),
        CompareRows.values(diffusion.select("snapshot_id", "region_level").distinct(), "*"));
  }
}
