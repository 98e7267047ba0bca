package org.tifa.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: the template
 * {@code tifa/report/report.html} with the style sheet, Apache ECharts, the page script, the
 * model as JSON and the map shapes inlined. The page's first line names the Tifa version and the
 * snapshot it came from.
 */
public final class ReportPage {
  private ReportPage() {}

  static final String RESOURCES = "tifa/report/";
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

  /** The versions of the vendored npm packages (echarts, zrender, maps), from the build. */
  public static Properties vendorVersions() {
    Properties p = new Properties();
    try (InputStream in = ChinaMaps.open(RESOURCES + "vendor.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The page for a model; {@code provinceGeoJson} is the shapes of the model's subdivision map, or null. */
  public static String render(ReportModel model, String chinaGeoJson, String provinceGeoJson) {
    String version = model.meta().tifaVersion();
    String snapshot = model.meta().snapshotId();
    Map<String, String> values =
        Map.of(
            "ORIGIN", comment("Tifa " + version + " report of snapshot " + snapshot),
            "VERSION", html(version),
            "SNAPSHOT", html(snapshot),
            "CSS", resource("report.css"),
            "DATA", json(model),
            "MAP_CHINA", scriptSafeJson(chinaGeoJson),
            "MAP_PROVINCE", provinceGeoJson == null ? "" : scriptSafeJson(provinceGeoJson),
            "ECHARTS", script(RESOURCES + "vendor/echarts/echarts.min.js"),
            "REPORT_JS", script(RESOURCES + "report.js"));
    Matcher m = PLACEHOLDER.matcher(resource("report.html"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("report.html: unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The model as the JSON the page reads. */
  public static String json(ReportModel model) {
    try {
      return scriptSafeJson(JSON.writeValueAsString(model));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * JSON that can stand inside a script element: every {@code <} (only possible inside JSON
   * strings) written as the escape {@code \u003c}, so no {@code </script>} or {@code <!--} can end
   * or disturb the element. JSON.parse reads it back unchanged.
   */
  static String scriptSafeJson(String json) {
    return json.replace("<", "\\u003c");
  }

  /** A script resource, refused if it could end its script element early. */
  static String script(String resource) {
    return checkInlinable(resource, text(resource));
  }

  static String checkInlinable(String name, String script) {
    String lower = script.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException(name + " contains </script or <!-- and cannot be inlined");
    }
    return script;
  }

  private static String comment(String text) {
    return text.replace("--", "- -").replace(">", "›");
  }

  /** Text made safe for HTML element content and attribute values. */
  public static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String resource(String name) {
    return text(RESOURCES + name);
  }

  private static String text(String resource) {
    try (InputStream in = ChinaMaps.open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
