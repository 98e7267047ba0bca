package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.tifa.compare.SnapshotRef;
import org.tifa.options.CompareOptions;
import org.tifa.schema.Tables;

class CompareSummaryTest {
  private static SnapshotRef ref(String id, String sha) throws IOException {
    return new SnapshotRef(
        "/s/" + id,
        id,
        new ObjectMapper()
            .readTree("{\"snapshot_id\":\"" + id + "\",\"config_sha256\":\"" + sha + "\"}"));
  }

  private static CompareJob.Result result(
      String baseSha, List<CompareJob.Highlight> highlights, String grain) throws IOException {
    Map<String, Long> statuses = new LinkedHashMap<>();
    statuses.put("new", 2L);
    statuses.put("gone", 1L);
    statuses.put("up", 1L);
    statuses.put("down", 0L);
    statuses.put("same", 1234L);
    Map<String, Long> rows =
        Map.of(
            Tables.TERM_CHANGES, 1238L, Tables.TERM_DIFFUSION, 40L, Tables.REGION_SIMILARITY, 7L);
    CompareOptions options =
        CompareOptions.parse(
            "--base",
            "b",
            "--target",
            "t",
            "--output",
            "/out",
            "--grain",
            grain,
            "--level",
            "province",
            "--top",
            "3");
    return new CompareJob.Result(
        "q1..q2",
        new Path("/out/q1..q2"),
        ref("q1", baseSha),
        ref("q2", "1"),
        options,
        List.of("dedup.shingle_chars"),
        statuses,
        rows,
        highlights);
  }

  @Test
  void listsEachLevelsNewSlogansRisersAndFallersAndSaysWhenConfigurationsDiffer()
      throws IOException {
    List<CompareJob.Highlight> h =
        List.of(
            new CompareJob.Highlight(
                "country", "new", 1, "全国", "all", "slogan", "两个维护", 0, 16, 2, 17, 1.41555),
            new CompareJob.Highlight(
                "country", "up", 1, "全国", "all", "topic", "党的建设", 3, 16, 9, 17, 2.0406),
            new CompareJob.Highlight(
                "province", "new", 1, "四川省", "all", "slogan", "两个确立", 0, 0, 3, 3, null),
            new CompareJob.Highlight(
                "province",
                "down",
                1,
                "山东省",
                "all",
                "slogan",
                "两个确立",
                1009,
                1200,
                1,
                1000,
                -33.333));
    String expected =
        """

        Tifa comparison q1..q2
          base               q1  (/s/q1)
          target             q2  (/s/q2)
          NOTE: the two snapshots were made with different configurations: dedup.shingle_chars
          compared           grain all, levels country to province, alpha 0.05
          term_changes       1,238 rows: new 2, gone 1, up 1, down 0, same 1,234
          term_diffusion     40 rows
          region_similarity  7 rows
          country
            new slogans
              两个维护                     全国                 0/16 → 2/17 documents, z +1.42
            risers
              党的建设 (topic)             全国                 3/16 → 9/17 documents, z +2.04
            fallers          (none)
          province
            new slogans
              两个确立                     四川省               0/0 → 3/3 documents, no base documents in the region
            risers           (none)
            fallers
              两个确立                     山东省               1,009/1,200 → 1/1,000 documents, z -33.33
          output             /out/q1..q2

        Open it in DuckDB:
          duckdb -c "SELECT region_name, term, base_documents, target_documents, round(z_score, 2) AS z FROM read_parquet('/out/q1..q2/term_changes/*.parquet') WHERE status = 'up' ORDER BY z_score DESC LIMIT 10"
        """;
    assertEquals(expected, CompareSummary.format(result("0", h, "all"), "/out"));
  }

  @Test
  void periodsAreShownAtPeriodGrainsAndEqualConfigurationsGetNoNote() throws IOException {
    List<CompareJob.Highlight> h =
        List.of(
            new CompareJob.Highlight(
                "province", "up", 1, "山东省", "2024-03", "slogan", "中国梦", 1, 10, 9, 10, 3.5777));
    String text = CompareSummary.format(result("1", h, "month"), "/out");
    assertFalse(text.contains("NOTE"), text);
    assertTrue(
        text.contains(
            "    中国梦                       山东省 2024-03       1/10 → 9/10 documents, z +3.58\n"),
        text);
  }
}
