package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.testing.Cli;
import org.tifa.testing.DuckDb;
import org.tifa.testing.Snapshots;

/**
 * {@code tifa report} on real snapshots: the data embedded in the page is checked against the
 * snapshot's Parquet tables read back with DuckDB (independently of Spark and of the report's
 * code), on the bundled sample (compared with an empty snapshot) and on the empty snapshot.
 */
class ReportIT extends SparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TOP = 5;
  @TempDir Path tmp;

  /** The JSON of a {@code <script type="application/json" id="...">} element of the page. */
  static JsonNode embedded(String page, String id) throws IOException {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(page);
    Assertions.assertTrue(m.find(), "the page embeds #" + id);
    return JSON.readTree(m.group(1));
  }

  /** Rows of a DuckDB query, each row's values as strings joined by '|'. */
  private static List<String> duck(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    for (List<Object> row : DuckDb.query(sql)) {
      out.add(String.join("|", row.stream().map(String::valueOf).toList()));
    }
    return out;
  }

  private static List<String> rows(JsonNode array, String... fields) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      List<String> values = new ArrayList<>();
      for (String f : fields) {
        values.add(n.get(f).asText());
      }
      out.add(String.join("|", values));
    }
    return out;
  }

  @Test
  void theSampleReportShowsWhatTheSnapshotTablesSay() throws Exception {
    Path root = Snapshots.sample(spark());
    String snap = root.resolve(Snapshots.SAMPLE).toString();
    String docs = "read_parquet('" + snap + "/documents/*.parquet')";
    String terms = "read_parquet('" + snap + "/terms/*.parquet')";
    String counts =
        "read_parquet('" + snap + "/term_counts/*/*.parquet', hive_partitioning = true)";
    // The page: --compare-with the empty snapshot, --region 371500, --top 5.
    String page = Files.readString(Snapshots.sampleReport(spark()));
    JsonNode data = embedded(page, "tifa-data");

    assertEquals(
        "<!-- Tifa " + Version.TIFA + " report of snapshot sample -->",
        page.lines().findFirst().orElseThrow());
    assertSelfContained(page);
    long total = Long.parseLong(duck("SELECT count(*) FROM " + docs).get(0));
    assertEquals("sample", data.at("/meta/snapshot_id").asText());
    assertEquals(total, data.at("/meta/documents").asLong());
    JsonNode manifest = JSON.readTree(Files.readString(Path.of(snap, "manifest.json")));
    assertEquals(manifest.get("counts"), data.at("/manifest/counts"));
    assertEquals(manifest.get("config_sha256"), data.at("/manifest/config_sha256"));

    // National rankings: the terms table's document counts, most first, ties by term_id.
    for (String kind : List.of("slogan", "topic")) {
      List<String> expected =
          duck(
              "SELECT term_id, term, documents, "
                  + total
                  + " FROM "
                  + terms
                  + " WHERE term_kind = '"
                  + kind
                  + "' AND documents > 0"
                  + " ORDER BY documents DESC, term_id LIMIT "
                  + TOP);
      JsonNode shown = data.at("/national/" + kind + "s");
      assertEquals(expected, rows(shown, "term_id", "term", "documents", "region_documents"), kind);
      for (JsonNode t : shown) {
        assertEquals(
            (double) t.get("documents").asLong() / total, t.get("share").asDouble(), 1e-12);
      }
    }

    // Passages: for every term shown, one sentence (the first stored context) from each of its 5
    // latest documents, read here from mentions with DuckDB; the mark is the mention's surface.
    String mentions = "read_parquet('" + snap + "/mentions/*.parquet')";
    JsonNode passages = data.get("passages");
    List<String> shownKeys = new ArrayList<>();
    for (String kind : List.of("slogan", "topic")) {
      data.at("/national/" + kind + "s")
          .forEach(t -> shownKeys.add(kind + ":" + t.get("term_id").asText()));
    }
    Assertions.assertTrue(shownKeys.size() >= 2);
    for (String key : shownKeys) {
      String[] kindId = key.split(":", 2);
      List<String> expected =
          duck(
              "WITH f AS (SELECT * FROM "
                  + mentions
                  + " WHERE term_kind = '"
                  + kindId[0]
                  + "' AND term_id = '"
                  + kindId[1]
                  + "' AND context IS NOT NULL QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY start) = 1)"
                  + " SELECT CAST(f.published_date AS VARCHAR), d.region_name, d.title, f.context, f.start - f.context_start,"
                  + " f.\"end\" - f.context_start, f.quoted, f.surface FROM f JOIN "
                  + docs
                  + " d USING (doc_id)"
                  + " ORDER BY f.published_date DESC, f.doc_id LIMIT 5");
      JsonNode lines = passages.get(key);
      Assertions.assertNotNull(lines, key + " has passages");
      List<String> actual = new ArrayList<>();
      for (JsonNode l : lines) {
        int[] points = l.get("passage").asText().codePoints().toArray();
        String mark =
            new String(
                points,
                l.get("mark_start").asInt(),
                l.get("mark_end").asInt() - l.get("mark_start").asInt());
        actual.add(
            String.join(
                "|",
                l.get("published_date").asText(),
                l.get("region_name").asText(),
                l.get("title").asText(),
                l.get("passage").asText(),
                l.get("mark_start").asText(),
                l.get("mark_end").asText(),
                l.get("quoted").asText(),
                mark));
      }
      assertEquals(expected, actual, key);
    }

    // Per province: documents, and the top slogans counted from the documents' slogan ids.
    assertEquals(
        duck(
            "SELECT province_code, count(*) FROM "
                + docs
                + " WHERE province_code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"),
        rows(data.get("provinces"), "code", "documents"));
    List<String> provinceTop =
        duck(
            "WITH c AS (SELECT province_code, t AS term_id, count(DISTINCT doc_id) AS n FROM (SELECT province_code, doc_id,"
                + " unnest(slogans) AS t FROM "
                + docs
                + " WHERE province_code IS NOT NULL) GROUP BY ALL)"
                + " SELECT province_code, term_id, n FROM c QUALIFY row_number() OVER (PARTITION BY province_code ORDER BY n DESC, term_id) <= "
                + TOP
                + " ORDER BY province_code, n DESC, term_id");
    List<String> shownTop = new ArrayList<>();
    List<JsonNode> provinces = new ArrayList<>();
    data.get("provinces").forEach(provinces::add);
    provinces.sort((a, b) -> a.get("code").asText().compareTo(b.get("code").asText()));
    for (JsonNode p : provinces) {
      for (JsonNode t : p.get("slogans")) {
        shownTop.add(
            p.get("code").asText()
                + "|"
                + t.get("term_id").asText()
                + "|"
                + t.get("documents").asText());
      }
    }
    assertEquals(provinceTop, shownTop);

    // The country map: one area per province (34), each with its documents and, for the first
    // slogan of the selector, the documents mentioning it.
    JsonNode map = data.get("province_map");
    assertEquals(34, map.get("areas").size());
    assertEquals(0, map.get("unmatched").size());
    String firstSlogan = map.at("/terms/0/term_id").asText();
    List<String> expectedMap =
        duck(
            "SELECT p.province_code, p.n, coalesce(t.n, 0) FROM (SELECT province_code, count(*) AS n FROM "
                + docs
                + " WHERE province_code IS NOT NULL GROUP BY 1) p LEFT JOIN (SELECT province_code, count(*) AS n FROM "
                + docs
                + " WHERE list_contains(slogans, '"
                + firstSlogan
                + "') GROUP BY 1) t USING (province_code) ORDER BY 1");
    List<String> shownMap = new ArrayList<>();
    for (JsonNode a : map.get("areas")) {
      if (a.get("documents").asLong() > 0) {
        shownMap.add(
            a.get("code").asText()
                + "|"
                + a.get("documents").asText()
                + "|"
                + a.get("term_documents").path("slogan:" + firstSlogan).asLong(0));
      }
    }
    shownMap.sort(String::compareTo);
    assertEquals(expectedMap, shownMap);

    // --region 371500 (聊城市) puts its province, 山东, on the prefecture map: 16 prefectures and
    // the shape of 莱芜市, merged into 济南 in 2019, which stands for no current division.
    JsonNode sub = data.get("subdivision_map");
    assertEquals("370000", sub.at("/province/code").asText());
    assertEquals("prefecture", sub.get("level").asText());
    assertEquals(16, sub.get("areas").size());
    assertEquals("[\"莱芜市\"]", sub.get("unmatched").toString());
    List<String> shownSub = new ArrayList<>();
    for (JsonNode a : sub.get("areas")) {
      if (a.get("documents").asLong() > 0) {
        shownSub.add(a.get("code").asText() + "|" + a.get("documents").asText());
      }
    }
    shownSub.sort(String::compareTo);
    assertEquals(
        duck(
            "SELECT prefecture_code, count(*) FROM "
                + docs
                + " WHERE province_code = '370000' AND prefecture_code IS NOT NULL"
                + " GROUP BY 1 ORDER BY 1"),
        shownSub);

    // Monthly trend: the sample covers every month of 2023 and 2024 (data/sample/README): 24.
    JsonNode trend = data.get("trend");
    assertEquals("month", trend.get("grain").asText());
    assertEquals(24, trend.get("periods").size());
    assertEquals("2023-01", trend.at("/periods/0").asText());
    assertEquals(
        rows(data.at("/national/topics"), "term_id"), rows(trend.get("series"), "term_id"));
    assertSeriesMatch(
        counts,
        "month",
        "000000",
        trend.get("periods"),
        trend.get("region_documents"),
        trend.get("series"));
    JsonNode regional = data.get("region_trend");
    assertEquals("371500", regional.at("/region/code").asText());
    assertEquals("聊城市", regional.at("/region/name").asText());
    assertSeriesMatch(
        counts,
        "month",
        "371500",
        regional.get("periods"),
        regional.get("region_documents"),
        regional.get("region_series"));
    assertSeriesMatch(
        counts,
        "month",
        "000000",
        regional.get("periods"),
        regional.get("country_documents"),
        regional.get("country_series"));
    // Yearly: from the earliest year-dated document (the sample's national reports) to 2024, and
    // the shares of periods with fewer than 5 documents left out.
    JsonNode yearly = data.get("year_trend");
    assertEquals("year", yearly.get("grain").asText());
    assertEquals(
        duck("SELECT min(year(published_date)) FROM " + docs).get(0),
        yearly.at("/periods/0").asText());
    assertEquals("2024", yearly.at("/periods/" + (yearly.get("periods").size() - 1)).asText());
    assertSeriesMatch(
        counts,
        "year",
        "000000",
        yearly.get("periods"),
        yearly.get("region_documents"),
        yearly.get("series"));
    JsonNode regionalYears = data.get("region_year_trend");
    assertSeriesMatch(
        counts,
        "year",
        "371500",
        regionalYears.get("periods"),
        regionalYears.get("region_documents"),
        regionalYears.get("region_series"));

    // Against an empty base nothing can rise or fall: every slogan the sample has is new. The new
    // slogans are those with the most documents, and they are the diffusion timeline's.
    JsonNode changes = data.get("changes");
    assertEquals("empty", changes.get("base_snapshot_id").asText());
    assertEquals("sample", changes.get("target_snapshot_id").asText());
    assertEquals(0, changes.get("risers").size());
    assertEquals(0, changes.get("fallers").size());
    assertEquals(
        duck(
            "SELECT term_id, 0, documents, 'new' FROM "
                + terms
                + " WHERE term_kind = 'slogan' AND documents > 0"
                + " ORDER BY documents DESC, term_id LIMIT "
                + TOP),
        rows(
            changes.get("new_slogans"), "term_id", "base_documents", "target_documents", "status"));
    JsonNode diffusion = data.get("diffusion");
    assertEquals("new", diffusion.get("basis").asText());
    assertEquals(
        rows(changes.get("new_slogans"), "term_id"), rows(diffusion.get("slogans"), "term_id"));
    // Per slogan and province: the earliest document's date and the documents mentioning it.
    for (JsonNode s : diffusion.get("slogans")) {
      String id = s.get("term_id").asText().replace("'", "''");
      assertEquals(
          duck(
              "SELECT province_code, min(published_date), count(DISTINCT doc_id) FROM "
                  + docs
                  + " WHERE list_contains(slogans, '"
                  + id
                  + "') AND province_code IS NOT NULL GROUP BY 1 ORDER BY 2, 1"),
          rows(s.get("provinces"), "province_code", "first_seen", "documents"),
          s.get("term").asText());
    }

    assertEquals(
        duck(
            "SELECT stage, reason, count(*) FROM read_parquet('"
                + snap
                + "/quarantine/*.parquet') GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"),
        rows(data.get("quarantine"), "stage", "reason", "records"));
  }

  /**
   * Each series value equals term_counts' row at the grain for the region and term; a period
   * without a row has 0 documents. The share is the row's (0 without a row) when the region has at
   * least 5 documents in the period (report.min_period_documents), else none. The region's
   * documents per period are those of term_counts.
   */
  private static void assertSeriesMatch(
      String counts,
      String grain,
      String region,
      JsonNode periods,
      JsonNode regionDocuments,
      JsonNode series)
      throws Exception {
    Assertions.assertTrue(series.size() > 0, "series for " + region);
    List<String> totals = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      if (regionDocuments.get(i).asLong() > 0) {
        totals.add(periods.get(i).asText() + "|" + regionDocuments.get(i).asText());
      }
    }
    assertEquals(
        duck(
            "SELECT period, max(region_documents) FROM "
                + counts
                + " WHERE grain = '"
                + grain
                + "' AND region_code = '"
                + region
                + "' GROUP BY 1 ORDER BY 1"),
        totals,
        region + " documents per " + grain);
    for (JsonNode s : series) {
      for (int i = 0; i < periods.size(); i++) {
        JsonNode share = s.at("/shares/" + i);
        long all = regionDocuments.get(i).asLong();
        if (all < 5) {
          Assertions.assertTrue(
              share.isNull(), region + " " + periods.get(i) + ": " + all + " documents, no share");
        } else if (s.at("/documents/" + i).asLong() == 0) {
          assertEquals(0.0, share.asDouble(-1), region + " " + periods.get(i));
        }
      }
      List<String> expected =
          duck(
              "SELECT period, weighted_documents, CASE WHEN region_documents >= 5 THEN weighted_documents / region_documents END FROM "
                  + counts
                  + " WHERE grain = '"
                  + grain
                  + "' AND region_code = '"
                  + region
                  + "' AND term_kind = 'topic' AND term_id = '"
                  + s.get("term_id").asText()
                  + "' AND weighted_documents > 0 ORDER BY period");
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < periods.size(); i++) {
        if (s.at("/documents/" + i).asLong() > 0) {
          JsonNode share = s.at("/shares/" + i);
          shown.add(
              periods.get(i).asText()
                  + "|"
                  + s.at("/documents/" + i).asText()
                  + "|"
                  + (share.isNull() ? "null" : share.asDouble()));
        }
      }
      assertEquals(expected, shown, region + " " + s.get("term_id").asText());
    }
  }

  /**
   * The markup loads nothing: no element names a source or a style sheet (scripts and styles are
   * inline), no attribute or style points at a remote address. What the inlined scripts do at run
   * time is checked in a browser with the network blocked (ReportBrowserIT).
   */
  static void assertSelfContained(String page) {
    String markup = page.replaceAll("(?s)(<script[^>]*>).*?(</script>)", "$1$2");
    Matcher loads =
        Pattern.compile(
                "(?i)<(script|link|img|iframe|embed|object|source)\\b[^>]*\\b(src|href|data)\\s*=")
            .matcher(markup);
    assertFalse(loads.find(), () -> "an element loads a resource: " + loads.group());
    Matcher remote =
        Pattern.compile(
                "(?i)(\\b(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//|url\\(\\s*[\"']?\\s*(https?:)?//|@import)")
            .matcher(markup);
    assertFalse(remote.find(), () -> "a remote address: " + remote.group());
    Assertions.assertTrue(
        markup.contains("<script>") && markup.contains("<style>"), "scripts and styles are inline");
  }

  @Test
  void anEmptySnapshotGivesAPageWithNoDataAndNoFailure() throws Exception {
    String page = Files.readString(Snapshots.emptyReport(spark()));
    JsonNode data = embedded(page, "tifa-data");
    assertEquals(
        "<!-- Tifa " + Version.TIFA + " report of snapshot empty -->",
        page.lines().findFirst().orElseThrow());
    assertEquals(0, data.at("/meta/documents").asLong());
    assertEquals(0, data.at("/national/slogans").size());
    assertEquals(0, data.at("/national/topics").size());
    assertEquals(0, data.get("provinces").size());
    // The country map still has its 34 provinces, none with documents.
    assertEquals(34, data.at("/province_map/areas").size());
    data.at("/province_map/areas").forEach(a -> assertEquals(0, a.get("documents").asLong()));
    Assertions.assertTrue(data.get("subdivision_map").isNull(), "no province to map");
    Assertions.assertTrue(data.get("region_trend").isNull(), "no region to follow");
    assertEquals(0, data.at("/trend/periods").size());
    assertEquals(0, data.at("/year_trend/periods").size());
    assertEquals(0, data.at("/diffusion/slogans").size());
    assertEquals(0, data.get("quarantine").size());
    assertEquals(0, data.at("/manifest/counts/records_read").asLong());
    Assertions.assertTrue(data.get("changes").isNull(), "no comparison without --compare-with");
  }

  @Test
  void aRegionTheSnapshotDoesNotKnowIsAUsageError() throws Exception {
    Path root = Snapshots.empty(spark());
    Cli.Outcome o =
        Cli.command(
            "report",
            "--snapshot",
            root.toString(),
            "--output",
            tmp.resolve("x.html").toString(),
            "--region",
            "999999");
    assertEquals(Tifa.USAGE, o.code(), o.err());
    assertEquals(
        "tifa: --region 999999: no province, prefecture or county of that code in snapshot empty",
        o.err());
    assertFalse(Files.exists(tmp.resolve("x.html")));
  }
}
