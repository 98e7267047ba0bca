package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tifa.reference.CsvLines;
import org.tifa.report.ChinaMaps;
import org.tifa.report.ReportModel;
import org.tifa.report.ReportPage;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;
import org.tifa.testing.Cli;
import org.tifa.testing.Snapshots;

/**
 * Opens real reports in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which .ci/run installs) with every network request sent to a dead proxy, waits until every chart
 * has drawn, and checks that each one drew something, that the console shows no error and that the
 * page fetched nothing; and that text from the input shows as text wherever it lands, with none of
 * it run as script or taken as a spreadsheet formula. Full-page screenshots are kept in {@code
 * jobs/target/report-screenshots/}, with the page made from the payloads.
 */
class ReportBrowserIT extends SparkTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Snapshots.REPO.resolve("jobs/target/report-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PAYLOADS =
      Snapshots.REPO.resolve("jobs/src/test/resources/ReportBrowserIT/payloads.jsonl");

  /**
   * The window properties the payloads of payloads.jsonl, of its file name and of the region names
   * set if they ever run (each payload sets its own, x + a letter).
   */
  private static final List<String> PAYLOAD_PROPERTIES =
      List.of("xj", "xs", "xv", "xt", "xu", "xp", "xc", "xq", "xf", "xr", "xb");

  @TempDir Path tmp;

  private static ChromeDriver browser(Path profile, Path downloads) {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        Assertions.fail(
            p
                + " is missing: the browser test needs Debian's Chromium and its driver: apt-get install -y chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile,
        // No network: every request that is not to this machine goes to a port nothing listens on.
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            // Each CSV button is a click, but a page that downloads many files in a row may
            // otherwise be asked whether it may.
            "profile.default_content_setting_values.automatic_downloads",
            1));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Chart id → its data-rendered state, once the page is built and every chart has one. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> waitForCharts(ChromeDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(90))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.body.getAttribute('data-ready') === 'true' &&"
                                + " [...document.querySelectorAll('[data-chart]')].every(c => c.hasAttribute('data-rendered'))"));
    return new TreeMap<>(
        (Map<String, String>)
            driver.executeScript(
                "const out = {}; document.querySelectorAll('[data-chart]').forEach(c => out[c.dataset.chart] = c.dataset.rendered); return out;"));
  }

  /**
   * Chart id → shapes it drew (SVG paths with a visible extent), for the charts that say they drew.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> drawnShapes(ChromeDriver driver) {
    return new TreeMap<>(
        (Map<String, Long>)
            driver.executeScript(
                "const out = {};"
                    + "document.querySelectorAll('[data-chart][data-rendered=true]').forEach(c => {"
                    + "  const svg = c.querySelector('.plot svg');"
                    + "  out[c.dataset.chart] = !svg ? 0 : [...svg.querySelectorAll('path')].filter(p => {"
                    + "    const b = p.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length; });"
                    + "return out;"));
  }

  private static List<String> consoleErrors(ChromeDriver driver) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /** What the page fetched after it was opened (scripts, styles, images, XHR): nothing, offline. */
  private static long resourcesFetched(ChromeDriver driver) {
    return (Long) driver.executeScript("return performance.getEntriesByType('resource').length;");
  }

  private static void screenshot(ChromeDriver driver, String name) throws IOException {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip = new HashMap<>();
    clip.put("x", 0);
    clip.put("y", 0);
    clip.put("width", ((Number) size.get("width")).doubleValue());
    clip.put("height", ((Number) size.get("height")).doubleValue());
    clip.put("scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Test
  void theSampleReportDrawsEveryChartOfflineWithoutErrors() throws Exception {
    Path html = Snapshots.sampleReport(spark());
    JsonNode data = ReportIT.embedded(Files.readString(html), "tifa-data");
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    ChromeDriver driver = browser(tmp.resolve("profile"), downloads);
    try {
      driver.get(html.toUri().toString());
      Map<String, String> states = waitForCharts(driver);
      // Every chart of the page, by id. Against an empty base nothing rose or fell (every term is
      // new), so those two say "no data"; everything else has data in the sample.
      Map<String, String> expected = new TreeMap<>();
      for (String id :
          List.of(
              "national-slogans",
              "national-topics",
              "province-ranking",
              "province-map",
              "subdivision-map",
              "topic-trend",
              "region-trend",
              "diffusion",
              "new-slogans",
              "quarantine")) {
        expected.put(id, "true");
      }
      expected.put("risers", "empty");
      expected.put("fallers", "empty");
      assertEquals(expected, states);
      Map<String, Long> shapes = drawnShapes(driver);
      shapes.forEach((id, n) -> Assertions.assertTrue(n >= 5, id + " drew " + n + " shapes"));
      // The maps draw one shape per area at least: 34 provinces, 山东's 17 prefectures (莱芜 too).
      Assertions.assertTrue(
          shapes.get("province-map") >= 34, "province map shapes " + shapes.get("province-map"));
      Assertions.assertTrue(
          shapes.get("subdivision-map") >= 17,
          "prefecture map shapes " + shapes.get("subdivision-map"));

      // Another term on the maps: both redraw.
      Select term = new Select(driver.findElement(By.cssSelector("#maps select")));
      term.selectByIndex(1);
      states = waitForCharts(driver);
      assertEquals("true", states.get("province-map"));
      assertEquals("true", states.get("subdivision-map"));

      // The CSV button writes the table beside the chart.
      driver.findElement(By.cssSelector("button[data-csv=national-slogans]")).click();
      Path csv = downloads.resolve("tifa-sample-national-slogans.csv");
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> Files.exists(csv) && csv.toFile().length() > 0);
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertEquals("\ufeffrank,term,documents,region_documents,share", lines.get(0));
      JsonNode first = data.at("/national/slogans/0");
      assertEquals(
          "1,"
              + first.get("term").asText()
              + ","
              + first.get("documents").asLong()
              + ","
              + first.get("region_documents").asLong()
              + ","
              + Math.round(first.get("share").asDouble() * 1e6) / 1e6,
          lines.get(1));
      assertEquals(data.at("/national/slogans").size() + 1, lines.size());

      // A term in a table opens its passages: the page's own lines for it, each with the mark.
      JsonNode top = data.at("/national/slogans/0");
      String key = "slogan:" + top.get("term_id").asText();
      driver
          .findElement(
              By.cssSelector("#block-national-slogans button.term[data-term='" + key + "']"))
          .click();
      assertEquals(passageLines(data.get("passages").get(key)), shownPassages(driver, key));
      driver.findElement(By.cssSelector("#passages button.close")).click();
      Assertions.assertFalse(driver.findElement(By.id("passages")).isDisplayed());
      // So does a bar of a chart: the longest bar of the national topics (the top topic).
      JsonNode topic = data.at("/national/topics/0");
      String topicKey = "topic:" + topic.get("term_id").asText();
      List<Number> bar =
          (List<Number>)
              driver.executeScript(
                  "const box = document.querySelector('[data-chart=national-topics]'); box.scrollIntoView({block: 'center'});"
                      + "const chart = echarts.getInstanceByDom(box.querySelector('.plot'));"
                      + "const n = chart.getOption().series[0].data.length;"
                      + "const end = chart.convertToPixel({seriesIndex: 0}, [chart.getOption().series[0].data[n - 1], n - 1]);"
                      + "const start = chart.convertToPixel({seriesIndex: 0}, [0, n - 1]);"
                      + "const r = box.querySelector('.plot').getBoundingClientRect();"
                      + "return [Math.round(r.x + (start[0] + end[0]) / 2), Math.round(r.y + end[1])];");
      new Actions(driver)
          .moveToLocation(bar.get(0).intValue(), bar.get(1).intValue())
          .click()
          .perform();
      assertEquals(
          passageLines(data.get("passages").get(topicKey)), shownPassages(driver, topicKey));

      assertEquals(List.of(), consoleErrors(driver), "console errors");
      assertEquals(0, resourcesFetched(driver), "resources fetched");
      screenshot(driver, "sample");
    } finally {
      driver.quit();
    }
  }

  @Test
  void anEmptySnapshotsReportSaysNoDataEverywhereWithoutErrors() throws Exception {
    Path html = Snapshots.emptyReport(spark());
    ChromeDriver driver = browser(tmp.resolve("profile"), tmp);
    try {
      driver.get(html.toUri().toString());
      Map<String, String> states = waitForCharts(driver);
      assertEquals(9, states.size(), states.toString());
      states.forEach((id, state) -> assertEquals("empty", state, id));
      long notices =
          (Long)
              driver.executeScript(
                  "return [...document.querySelectorAll('[data-chart] .empty')].filter(e => e.offsetHeight > 0 && e.textContent === '无数据 / no data').length;");
      assertEquals(9, notices);
      assertEquals(List.of(), consoleErrors(driver), "console errors");
      assertEquals(0, resourcesFetched(driver), "resources fetched");
      screenshot(driver, "empty");
    } finally {
      driver.quit();
    }
  }

  /**
   * The payload slogans (the texts quoted in the fixture) with the documents that mention them,
   * counted from the file itself: a record with a body mentions a slogan when its title or body
   * holds it (once a quoted text is a slogan it counts unquoted too).
   */
  private static Map<String, Long> payloadSlogans() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(PAYLOADS, StandardCharsets.UTF_8)) {
      records.add(JSON.readTree(line));
    }
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode r : records) {
      Matcher quote = Pattern.compile("“([^”]*)”").matcher(r.path("body").asText());
      while (quote.find()) {
        out.put(quote.group(1), 0L);
      }
    }
    for (JsonNode r : records) {
      String text = r.path("title").asText() + "\n" + r.path("body").asText();
      out.replaceAll((term, n) -> r.hasNonNull("body") && text.contains(term) ? n + 1 : n);
    }
    return out;
  }

  /**
   * Renames divisions (old name → new) in a written snapshot's regions table, wherever the table
   * names them: a snapshot can be written by anyone, and the report must show what it says as text.
   */
  private void renameRegions(Path table, Map<String, String> names) throws IOException {
    Dataset<Row> rows = spark().read().parquet(table.toString());
    for (String column : List.of(Columns.NAME, Columns.PROVINCE_NAME, Columns.PREFECTURE_NAME)) {
      Column renamed = functions.col(column);
      for (Map.Entry<String, String> n : names.entrySet()) {
        renamed =
            functions
                .when(functions.col(column).equalTo(n.getKey()), n.getValue())
                .otherwise(renamed);
      }
      rows = rows.withColumn(column, renamed);
    }
    Path copy = tmp.resolve("renamed-regions");
    rows.write().parquet(copy.toString());
    try (var written = Files.list(table)) {
      for (Path f : written.toList()) {
        Files.delete(f);
      }
    }
    try (var fresh = Files.list(copy)) {
      for (Path f : fresh.toList()) {
        Files.move(f, table.resolve(f.getFileName()));
      }
    }
  }

  /**
   * Moves the mouse over the centre of each shape of every drawn chart (up to 60 a chart), as a
   * person reading the charts would: tooltips, emphasis and labels show what is under the mouse.
   */
  @SuppressWarnings("unchecked")
  private static void hoverEveryShape(ChromeDriver driver) {
    List<String> charts =
        (List<String>)
            driver.executeScript(
                "return [...document.querySelectorAll('[data-chart][data-rendered=true]')].map(c => c.dataset.chart);");
    for (String chart : charts) {
      List<List<Number>> points =
          (List<List<Number>>)
              driver.executeScript(
                  "const box = document.querySelector('[data-chart=' + arguments[0] + ']');"
                      + "box.scrollIntoView({block: 'center'});"
                      + "return [...box.querySelectorAll('.plot svg path')].map(p => p.getBoundingClientRect())"
                      + "  .filter(b => b.width > 0 && b.height > 0).map(b => [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)])"
                      + "  .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight).slice(0, 60);",
                  chart);
      for (List<Number> p : points) {
        new Actions(driver).moveToLocation(p.get(0).intValue(), p.get(1).intValue()).perform();
      }
    }
  }

  /** Every tooltip the chart shows for each of its data items, as ECharts shows them on hover. */
  @SuppressWarnings("unchecked")
  private static List<String> allTooltips(ChromeDriver driver, String chart) {
    return (List<String>)
        driver.executeScript(
            "const box = document.querySelector('[data-chart=' + arguments[0] + ']');"
                + "const chart = echarts.getInstanceByDom(box.querySelector('.plot'));"
                + "const out = [];"
                + "chart.getOption().series.forEach((s, si) => {"
                + "  const n = Array.isArray(s.data) ? s.data.length : 0;"
                + "  for (let i = 0; i < n; i++) {"
                + "    chart.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: i});"
                + "    const tip = [...box.querySelectorAll('.plot > div')].filter(d => !d.querySelector('svg')).pop();"
                + "    out.push(tip ? tip.textContent : '');"
                + "  }"
                + "});"
                + "chart.dispatchAction({type: 'hideTip'});"
                + "return out;",
            chart);
  }

  @Test
  void payloadsInTheInputShowAsTextAndNeverRunInChartsTooltipsTablesOrCsv() throws Exception {
    // A real snapshot of the payload fixture, read from a file whose name is a payload too; its
    // regions table then names 山东 and 聊城 with markup. Against the empty snapshot every slogan
    // is new, so all of them are on the diffusion timeline and in the new slogans.
    Path input = Files.createDirectories(tmp.resolve("input"));
    Files.copy(PAYLOADS, input.resolve("<img src=x onerror=xf=1>.jsonl"));
    Path root = tmp.resolve("out");
    Cli.Outcome run =
        Cli.command(
            "run",
            "--input",
            input.toString(),
            "--output",
            root.toString(),
            "--snapshot",
            "payloads");
    assertEquals(Tifa.OK, run.code(), run.err());
    Path regions = root.resolve("payloads").resolve(Tables.REGIONS);
    String province = "<img src=x onerror=xr=1>山东省";
    String prefecture = "<b>聊城市</b><svg onload=xb=1>";
    renameRegions(regions, Map.of("山东省", province, "聊城市", prefecture));
    Path html = tmp.resolve("payloads.html");
    Cli.Outcome report =
        Cli.command(
            "report",
            "--snapshot",
            root.toString(),
            "--compare-with",
            Snapshots.empty(spark()).toString(),
            "--output",
            html.toString(),
            "--region",
            "371500",
            "--top",
            "50");
    assertEquals(Tifa.OK, report.code(), report.err());
    Files.copy(
        html,
        Files.createDirectories(SCREENSHOTS).resolve("payloads.html"),
        StandardCopyOption.REPLACE_EXISTING);

    Map<String, Long> slogans = payloadSlogans();
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    ChromeDriver driver = browser(tmp.resolve("profile"), downloads);
    try {
      driver.get(html.toUri().toString());
      Map<String, String> states = waitForCharts(driver);
      // Against an empty base nothing rose or fell; every other chart has data.
      states.forEach(
          (id, state) ->
              assertEquals(
                  id.equals("risers") || id.equals("fallers") ? "empty" : "true", state, id));

      // Every payload slogan is in the national ranking, its cell showing the text as written.
      Map<String, Long> shown = new TreeMap<>();
      for (WebElement row :
          driver.findElements(By.cssSelector("#block-national-slogans tbody tr"))) {
        List<WebElement> cells = row.findElements(By.tagName("td"));
        shown.put(
            cells.get(1).getAttribute("textContent"),
            Long.valueOf(cells.get(2).getAttribute("textContent")));
      }
      slogans.forEach(
          (term, documents) -> assertEquals(documents, shown.get(term), term + " in " + shown));

      // Hover every shape of every chart with the mouse (tooltips, emphasis labels), then show the
      // tooltip of every data item; choose every province, kind, map term and topic.
      hoverEveryShape(driver);
      Map<String, List<String>> tooltips = new TreeMap<>();
      states.forEach(
          (chart, state) ->
              tooltips.put(
                  chart, state.equals("true") ? allTooltips(driver, chart) : new ArrayList<>()));
      for (WebElement select : driver.findElements(By.cssSelector("select"))) {
        Select choice = new Select(select);
        for (int i = 0; i < choice.getOptions().size(); i++) {
          choice.selectByIndex(i);
          waitForCharts(driver);
          for (String chart :
              List.of("province-ranking", "province-map", "subdivision-map", "region-trend")) {
            tooltips.get(chart).addAll(allTooltips(driver, chart));
          }
        }
      }

      // The diffusion chart names each slogan in its tooltip, as text.
      String diffusion = String.join("\n", tooltips.get("diffusion"));
      slogans
          .keySet()
          .forEach(
              term ->
                  Assertions.assertTrue(
                      diffusion.contains(term), term + " in the diffusion tooltips"));
      Assertions.assertTrue(
          String.join("\n", tooltips.get("province-map")).contains(province),
          "the province's name in the map tooltip");
      Assertions.assertTrue(
          String.join("\n", tooltips.get("subdivision-map")).contains(prefecture),
          "the prefecture's name in its tooltip");
      String nationalTips = String.join("\n", tooltips.get("national-slogans"));
      slogans
          .keySet()
          .forEach(
              term ->
                  Assertions.assertTrue(
                      nationalTips.contains(term), term + " in the ranking's tooltips"));
      Assertions.assertTrue(
          driver.findElement(By.id("block-region-trend")).getText().contains(prefecture),
          "the region's name in its title");
      Assertions.assertTrue(
          driver
              .findElement(By.id("manifest"))
              .getAttribute("textContent")
              .contains("<img src=x onerror=xf=1>.jsonl"),
          "the input file's name in the manifest");

      // Every payload slogan's passages open, as text: the panel holds its mark verbatim.
      for (WebElement button :
          driver.findElements(By.cssSelector("#block-national-slogans button.term"))) {
        String key = button.getAttribute("data-term");
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        List<String> lines = shownPassages(driver, key);
        Assertions.assertFalse(lines.isEmpty(), key + " has passages");
        driver.findElement(By.cssSelector("#passages button.close")).click();
      }

      // Nothing of the data became markup, and nothing ran.
      assertEquals(
          List.of(),
          driver.executeScript("return arguments[0].filter(k => k in window);", PAYLOAD_PROPERTIES),
          "payloads that ran");
      assertEquals(
          0L,
          driver.executeScript(
              "return document.querySelectorAll('b, img, iframe, object, embed, body svg svg').length;"));
      assertEquals(
          0L,
          driver.executeScript(
              "return [...document.querySelectorAll('svg')].filter(s => !s.closest('.plot')).length;"));
      assertEquals(5L, driver.executeScript("return document.scripts.length;"));
      Assertions.assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
      // Chromium reports what the Content-Security-Policy refused as console errors.
      assertEquals(List.of(), consoleErrors(driver), "console errors");
      assertEquals(0, resourcesFetched(driver), "resources fetched");

      // Every CSV: a cell that a spreadsheet would take for a formula starts with ', numbers stay
      // numbers; the payload slogans' rows are there, with the neutralised text.
      List<String> buttons = new ArrayList<>();
      driver
          .findElements(By.cssSelector("button[data-csv]"))
          .forEach(b -> buttons.add(b.getAttribute("data-csv")));
      Pattern number = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?");
      Map<String, List<Map<String, String>>> csv = new TreeMap<>();
      for (String id : buttons) {
        csv.put(id, downloadCsv(driver, downloads, "payloads", id));
      }
      csv.forEach(
          (id, rows) ->
              rows.forEach(
                  row ->
                      row.forEach(
                          (column, cell) ->
                              Assertions.assertFalse(
                                  !number.matcher(cell).matches()
                                      && !cell.isEmpty()
                                      && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                                  id + " " + column + ": " + cell))));
      Map<String, String> csvTerms = new TreeMap<>();
      csv.get("national-slogans")
          .forEach(row -> csvTerms.put(row.get("term"), row.get("documents")));
      slogans.forEach(
          (term, documents) ->
              assertEquals(
                  String.valueOf(documents),
                  csvTerms.get("=+-@".indexOf(term.charAt(0)) >= 0 ? "'" + term : term),
                  term + " in " + csvTerms));
      screenshot(driver, "payloads");
    } finally {
      driver.quit();
    }
  }

  /**
   * The passages panel's lines as the page data gives them: where, then the sentence with the mark
   * in [ ].
   */
  private static List<String> passageLines(JsonNode lines) {
    Assertions.assertNotNull(lines, "the term has passages in the page data");
    List<String> out = new ArrayList<>();
    for (JsonNode l : lines) {
      int[] p = l.get("passage").asText().codePoints().toArray();
      int a = l.get("mark_start").asInt();
      int b = l.get("mark_end").asInt();
      out.add(
          l.get("published_date").asText()
              + " · "
              + (l.get("region_name").isNull() ? "无地区 / no region" : l.get("region_name").asText())
              + " · "
              + (l.get("title").isNull() ? "" : l.get("title").asText())
              + (l.get("quoted").asBoolean() ? " · 引号内 / quoted" : "")
              + "\n"
              + new String(p, 0, a)
              + "["
              + new String(p, a, b - a)
              + "]"
              + new String(p, b, p.length - b));
    }
    return out;
  }

  /** What the passages panel shows once it is open on {@code key}, in the same form. */
  @SuppressWarnings("unchecked")
  private static List<String> shownPassages(ChromeDriver driver, String key) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                key.equals(d.findElement(By.id("passages")).getAttribute("data-term"))
                    && d.findElement(By.id("passages")).isDisplayed());
    return (List<String>)
        driver.executeScript(
            "return [...document.querySelectorAll('#passages li')].map(li => li.querySelector('.where').textContent + '\\n'"
                + " + [...li.querySelector('.passage').childNodes].map(n => n.nodeName === 'MARK' ? '[' + n.textContent + ']' : n.textContent).join(''));");
  }

  /** The rows of the CSV download of one chart of a page, each keyed by the header's names. */
  private static List<Map<String, String>> downloadCsv(
      ChromeDriver driver, Path downloads, String snapshot, String chart) throws IOException {
    driver.findElement(By.cssSelector("button[data-csv='" + chart + "']")).click();
    Path file = downloads.resolve("tifa-" + snapshot + "-" + chart + ".csv");
    try {
      new WebDriverWait(driver, Duration.ofSeconds(60))
          .until(d -> Files.exists(file) && file.toFile().length() > 0);
    } catch (TimeoutException e) {
      try (Stream<Path> files = Files.list(downloads)) {
        Assertions.fail(
            "no download "
                + file.getFileName()
                + " after 60 s; the download folder holds "
                + files.map(f -> f.getFileName() + " (" + f.toFile().length() + " bytes)").toList()
                + "; console: "
                + consoleErrors(driver),
            e);
      }
    }
    return CsvLines.read(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @Test
  void csvCellsOfTextThatStartsLikeAFormulaAreNeutralisedAndNegativeNumbersStayNumbers()
      throws Exception {
    // A page of a hand-made model: changes whose terms start like formulas (a snapshot can hold
    // any text) and whose share changes and z-scores are negative numbers.
    List<ReportModel.Change> risers =
        List.of(
            new ReportModel.Change(
                "slogan", "a", "@SUM(A1)", 5, 20, 0.125, 0.5, 0.375, 2.5, 0.0124, "up"),
            new ReportModel.Change("topic", "b", "\t=1+2", 1, 2, 0.25, 0.5, 0.25, 1.5, 0.13, "up"));
    List<ReportModel.Change> fallers =
        List.of(
            new ReportModel.Change(
                "slogan", "c", "-攻坚", 20, 5, 0.5, 0.125, -0.375, -2.5, 0.0124, "down"),
            new ReportModel.Change(
                "slogan", "d", "+1", 4, 1, 0.5, 0.25, -0.25, -1.25, 0.21, "down"));
    ReportModel model =
        new ReportModel(
            new ReportModel.Meta("9.9.9", "csv", "9.9.9", null, 10, 40, null, "6.1.0", "4.9.0"),
            new ReportModel.Ranking(40, List.of(), List.of()),
            List.of(),
            new ReportModel.MapData("china", "province", null, List.of(), List.of(), List.of()),
            null,
            new ReportModel.Trend("month", 5, List.of(), List.of(), List.of()),
            null,
            new ReportModel.Trend("year", 5, List.of(), List.of(), List.of()),
            null,
            new ReportModel.Diffusion("top", List.of()),
            new ReportModel.Changes("base", "csv", "all", "country", risers, fallers, List.of()),
            Map.of("snapshot_id", "csv"),
            List.of(),
            Map.of());
    Path html = tmp.resolve("csv.html");
    Files.writeString(html, ReportPage.render(model, ChinaMaps.chinaGeoJson(), null));
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    ChromeDriver driver = browser(tmp.resolve("profile"), downloads);
    try {
      driver.get(html.toUri().toString());
      waitForCharts(driver);
      List<String> header =
          List.of(
              "term_kind",
              "term",
              "base_documents",
              "target_documents",
              "base_share",
              "target_share",
              "share_change",
              "z_score",
              "p_value",
              "example");
      List<Map<String, String>> rose = downloadCsv(driver, downloads, "csv", "risers");
      assertEquals(header, List.copyOf(rose.get(0).keySet()));
      assertEquals(
          List.of(
              List.of(
                  "slogan", "'@SUM(A1)", "5", "20", "0.125", "0.5", "0.375", "2.5", "0.0124", ""),
              List.of("topic", "'\t=1+2", "1", "2", "0.25", "0.5", "0.25", "1.5", "0.13", "")),
          rose.stream().map(r -> List.copyOf(r.values())).toList());
      assertEquals(
          List.of(
              List.of("slogan", "'-攻坚", "20", "5", "0.5", "0.125", "-0.375", "-2.5", "0.0124", ""),
              List.of("slogan", "'+1", "4", "1", "0.5", "0.25", "-0.25", "-1.25", "0.21", "")),
          downloadCsv(driver, downloads, "csv", "fallers").stream()
              .map(r -> List.copyOf(r.values()))
              .toList());
      // The table beside the chart shows the terms as they are.
      assertEquals(
          "-攻坚",
          driver
              .findElement(By.cssSelector("#block-fallers tbody td:nth-child(2)"))
              .getAttribute("textContent"));
      assertEquals(List.of(), consoleErrors(driver), "console errors");
    } finally {
      driver.quit();
    }
  }
}
