package org.tifa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page around the data: its first line, the inlined scripts and JSON that cannot break out. */
class ReportPageTest {
  private static final String HOSTILE = "</script><script>alert(1)</script><!--";

  private static ReportModel model(String snapshotId, String term) {
    ReportModel.TermShare share = new ReportModel.TermShare("slogan", "k", term, null, 1, 2, 0.5);
    return new ReportModel(
        new ReportModel.Meta("9.9.9", snapshotId, "9.9.9", null, 10, 2, null, "6.1.0", "4.9.0"),
        new ReportModel.Ranking(2, List.of(share), List.of()),
        List.of(),
        new ReportModel.MapData("china", "province", null, List.of(), List.of(), List.of()),
        null, new ReportModel.Trend(List.of(), List.of(), List.of()), null, new ReportModel.Diffusion("top", List.of()), null,
        Map.of("snapshot_id", snapshotId), List.of());
  }

  private static JsonNode data(String page) throws Exception {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"tifa-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
    assertTrue(m.find());
    return new ObjectMapper().readTree(m.group(1));
  }

  @Test
  void textThatLooksLikeMarkupStaysDataInsideTheScriptElement() throws Exception {
    String page = ReportPage.render(model("s1", HOSTILE), ChinaMaps.chinaGeoJson(), null);
    String json = ReportPage.json(model("s1", HOSTILE));
    assertFalse(json.contains("<"), json);
    // The only script elements are the page's own five.
    assertEquals(5, page.split("<script", -1).length - 1);
    assertEquals(HOSTILE, data(page).at("/national/slogans/0/term").asText());
  }

  @Test
  void thePageStartsWithTheVersionAndTheSnapshotAndLeavesNoPlaceholder() throws Exception {
    String page = ReportPage.render(model("2024--Q1", "一老一小"), ChinaMaps.chinaGeoJson(), ChinaMaps.provinceGeoJson("370000"));
    // "--" may not stand inside an HTML comment.
    assertEquals("<!-- Tifa 9.9.9 report of snapshot 2024- -Q1 -->", page.lines().findFirst().orElseThrow());
    assertFalse(Pattern.compile("\\{\\{[A-Z_]+}}").matcher(page).find(), "every placeholder filled");
    assertEquals("2024--Q1", data(page).at("/meta/snapshot_id").asText());
    assertTrue(page.contains("<title>提法报告 Tifa report · 2024--Q1</title>"));
    assertEquals("6.1.0", data(page).at("/meta/echarts_version").asText(), "snake_case names");
  }

  @Test
  void theInlinedScriptsCannotEndTheirElementEarly() {
    assertTrue(ReportPage.script("tifa/report/vendor/echarts/echarts.min.js").contains("echarts"));
    assertTrue(ReportPage.script("tifa/report/report.js").contains("registerMap"));
    assertThrows(IllegalStateException.class, () -> ReportPage.checkInlinable("x.js", "var s = '</SCRIPT>';"));
    assertThrows(IllegalStateException.class, () -> ReportPage.checkInlinable("x.js", "var s = '<!--';"));
  }

  @Test
  void theVendoredVersionsAreTheBuildsOnes() {
    assertEquals("6.1.0", ReportPage.vendorVersions().getProperty("echarts"));
    assertEquals("4.9.0", ReportPage.vendorVersions().getProperty("maps"));
  }
}
