package org.tifa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page around the data: its first line, the inlined scripts and JSON that cannot break out, and
 * the Content-Security-Policy that lets only the page's own scripts run.
 */
class ReportPageTest {
  private static final String HOSTILE = "</script><script>alert(1)</script><!--";

  private static ReportModel model(String snapshotId, String term) {
    ReportModel.TermShare share = new ReportModel.TermShare("slogan", "k", term, null, 1, 2, 0.5);
    return new ReportModel(
        new ReportModel.Meta("9.9.9", snapshotId, "9.9.9", null, 10, 2, null, "6.1.0", "4.9.0"),
        new ReportModel.Ranking(2, List.of(share), List.of()),
        List.of(),
        new ReportModel.MapData("china", "province", null, List.of(), List.of(), List.of()),
        null,
        new ReportModel.Trend("month", 5, List.of(), List.of(), List.of()),
        null,
        new ReportModel.Trend("year", 5, List.of(), List.of(), List.of()),
        null,
        new ReportModel.Diffusion("top", List.of()),
        null,
        Map.of("snapshot_id", snapshotId),
        List.of(),
        Map.of());
  }

  private static JsonNode data(String page) throws Exception {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"tifa-data\">(.*?)</script>", Pattern.DOTALL)
            .matcher(page);
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

  /** The policy of the page's Content-Security-Policy meta element: directive → its sources. */
  private static Map<String, List<String>> policy(String page) {
    Matcher m =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
            .matcher(page);
    assertTrue(m.find(), "the page has a Content-Security-Policy");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String directive : m.group(1).split(";")) {
      List<String> words = Arrays.asList(directive.strip().split(" +"));
      out.put(words.get(0), words.subList(1, words.size()));
    }
    return out;
  }

  /** 'sha256-…' of the text of each element {@code <tag>…</tag>} (no attributes) of the page. */
  private static List<String> hashes(String page, String tag) throws Exception {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(page);
    while (m.find()) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      out.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    }
    return out;
  }

  @Test
  void inlineScriptFromTheDataCannotRunThePolicyAllowsOnlyThePagesOwnScriptsByHash()
      throws Exception {
    String page =
        ReportPage.render(
            model("s1", "<img src=x onerror=alert(1)>"), ChinaMaps.chinaGeoJson(), null);
    Map<String, List<String>> csp = policy(page);
    // The two scripts of the page (ECharts and report.js), each allowed by its own hash; nothing
    // else: no 'unsafe-inline' (inline handlers, javascript: URLs), no 'unsafe-eval'.
    List<String> scripts = hashes(page, "script");
    assertEquals(2, scripts.size());
    assertEquals(scripts, csp.get("script-src"));
    assertEquals(List.of("'none'"), csp.get("default-src"));
    assertEquals(List.of("'none'"), csp.get("base-uri"));
    assertEquals(List.of("'none'"), csp.get("form-action"));
    assertEquals(List.of("data:", "blob:"), csp.get("img-src"));
    // The page's one style sheet by its hash, and no style attribute.
    List<String> styles = hashes(page, "style");
    assertEquals(1, styles.size());
    assertEquals(styles, csp.get("style-src"));
    assertEquals(
        List.of("default-src", "script-src", "style-src", "img-src", "base-uri", "form-action"),
        List.copyOf(csp.keySet()));
    // A policy in a meta element covers only what follows it.
    assertTrue(page.indexOf("Content-Security-Policy") < page.indexOf("<style>"));
    assertTrue(page.indexOf("Content-Security-Policy") < page.indexOf("<script"));
  }

  @Test
  void textInTheMarkupIsEscapedForContentAndForAttributesInEitherQuote() {
    assertEquals(
        "&lt;b&gt;x&lt;/b&gt; &amp;amp; &quot;a&quot; &#39;b&#39;",
        ReportPage.html("<b>x</b> &amp; \"a\" 'b'"));
  }

  @Test
  void thePageStartsWithTheVersionAndTheSnapshotAndLeavesNoPlaceholder() throws Exception {
    String page =
        ReportPage.render(
            model("2024--Q1", "一老一小"),
            ChinaMaps.chinaGeoJson(),
            ChinaMaps.provinceGeoJson("370000"));
    // "--" may not stand inside an HTML comment.
    assertEquals(
        "<!-- Tifa 9.9.9 report of snapshot 2024- -Q1 -->", page.lines().findFirst().orElseThrow());
    assertFalse(
        Pattern.compile("\\{\\{[A-Z_]+}}").matcher(page).find(), "every placeholder filled");
    assertEquals("2024--Q1", data(page).at("/meta/snapshot_id").asText());
    assertTrue(page.contains("<title>提法报告 Tifa report · 2024--Q1</title>"));
    assertEquals("6.1.0", data(page).at("/meta/echarts_version").asText(), "snake_case names");
  }

  @Test
  void theInlinedScriptsCannotEndTheirElementEarly() {
    assertTrue(ReportPage.script("tifa/report/vendor/echarts/echarts.min.js").contains("echarts"));
    assertTrue(ReportPage.script("tifa/report/report.js").contains("registerMap"));
    assertThrows(
        IllegalStateException.class,
        () -> ReportPage.checkInlinable("x.js", "var s = '</SCRIPT>';"));
    assertThrows(
        IllegalStateException.class, () -> ReportPage.checkInlinable("x.js", "var s = '<!--';"));
  }

  @Test
  void theVendoredVersionsAreTheBuildsOnes() {
    assertEquals("6.1.0", ReportPage.vendorVersions().getProperty("echarts"));
    assertEquals("4.9.0", ReportPage.vendorVersions().getProperty("maps"));
  }
}
