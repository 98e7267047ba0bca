package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tifa.testing.Snapshots;

/**
 * Opens real reports in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which .ci/run installs) with every network request sent to a dead proxy, waits until every chart
 * has drawn, and checks that each one drew something, that the console shows no error and that the
 * page fetched nothing. Full-page screenshots are kept in {@code jobs/target/report-screenshots/}.
 */
class ReportBrowserIT extends SparkTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Snapshots.REPO.resolve("jobs/target/report-screenshots");
  @TempDir Path tmp;

  private static ChromeDriver browser(Path profile, Path downloads) {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        Assertions.fail(p + " is missing: the browser test needs Debian's Chromium and its driver: apt-get install -y chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + profile,
        // No network: every request that is not to this machine goes to a port nothing listens on.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** Chart id → its data-rendered state, once the page is built and every chart has one. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> waitForCharts(ChromeDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(90))
        .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
            "return document.body.getAttribute('data-ready') === 'true' &&"
                + " [...document.querySelectorAll('[data-chart]')].every(c => c.hasAttribute('data-rendered'))"));
    return new TreeMap<>((Map<String, String>) driver.executeScript(
        "const out = {}; document.querySelectorAll('[data-chart]').forEach(c => out[c.dataset.chart] = c.dataset.rendered); return out;"));
  }

  /** Chart id → shapes it drew (SVG paths with a visible extent), for the charts that say they drew. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> drawnShapes(ChromeDriver driver) {
    return new TreeMap<>((Map<String, Long>) driver.executeScript(
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
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
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
      for (String id : List.of("national-slogans", "national-topics", "province-ranking", "province-map", "subdivision-map", "topic-trend",
          "region-trend", "diffusion", "new-slogans", "quarantine")) {
        expected.put(id, "true");
      }
      expected.put("risers", "empty");
      expected.put("fallers", "empty");
      assertEquals(expected, states);
      Map<String, Long> shapes = drawnShapes(driver);
      shapes.forEach((id, n) -> Assertions.assertTrue(n >= 5, id + " drew " + n + " shapes"));
      // The maps draw one shape per area at least: 34 provinces, 山东's 17 prefectures (莱芜 too).
      Assertions.assertTrue(shapes.get("province-map") >= 34, "province map shapes " + shapes.get("province-map"));
      Assertions.assertTrue(shapes.get("subdivision-map") >= 17, "prefecture map shapes " + shapes.get("subdivision-map"));

      // Another term on the maps: both redraw.
      Select term = new Select(driver.findElement(By.cssSelector("#maps select")));
      term.selectByIndex(1);
      states = waitForCharts(driver);
      assertEquals("true", states.get("province-map"));
      assertEquals("true", states.get("subdivision-map"));

      // The CSV button writes the table beside the chart.
      driver.findElement(By.cssSelector("button[data-csv=national-slogans]")).click();
      Path csv = downloads.resolve("tifa-sample-national-slogans.csv");
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(csv) && csv.toFile().length() > 0);
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertEquals("\ufeffrank,term,documents,region_documents,share", lines.get(0));
      JsonNode first = data.at("/national/slogans/0");
      assertEquals("1," + first.get("term").asText() + "," + first.get("documents").asLong() + "," + first.get("region_documents").asLong()
          + "," + Math.round(first.get("share").asDouble() * 1e6) / 1e6, lines.get(1));
      assertEquals(data.at("/national/slogans").size() + 1, lines.size());

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
      long notices = (Long) driver.executeScript(
          "return [...document.querySelectorAll('[data-chart] .empty')].filter(e => e.offsetHeight > 0 && e.textContent === '无数据 / no data').length;");
      assertEquals(9, notices);
      assertEquals(List.of(), consoleErrors(driver), "console errors");
      assertEquals(0, resourcesFetched(driver), "resources fetched");
      screenshot(driver, "empty");
    } finally {
      driver.quit();
    }
  }
}
