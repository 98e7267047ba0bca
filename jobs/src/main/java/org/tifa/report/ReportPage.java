package org.tifa.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: the template {@code
 * tifa/report/report.html} with the style sheet, Apache ECharts, the page script, the model as JSON
 * and the map shapes inlined. The page's first line names the Tifa version and the snapshot it came
 * from. Its Content-Security-Policy lets only the page's own scripts run, each named by its
 * SHA-256, so markup that got into the page from the data could not run script.
 */
public final class ReportPage {
  private ReportPage() {}

  static final String RESOURCES = "tifa/report/";
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

  /** A script element of the template that runs (data blocks carry a type and do not). */
  private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

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

  /**
   * The page for a model; {@code provinceGeoJson} is the shapes of the model's subdivision map, or
   * null.
   */
  public static String render(ReportModel model, String chinaGeoJson, String provinceGeoJson) {
    String version = model.meta().tifaVersion();
    String snapshot = model.meta().snapshotId();
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "ORIGIN", comment("Tifa " + version + " report of snapshot " + snapshot),
                "VERSION", html(version),
                "SNAPSHOT", html(snapshot),
                "CSS", resource("report.css"),
                "DATA", json(model),
                "MAP_CHINA", scriptSafeJson(chinaGeoJson),
                "MAP_PROVINCE", provinceGeoJson == null ? "" : scriptSafeJson(provinceGeoJson),
                "ECHARTS", script(RESOURCES + "vendor/echarts/echarts.min.js"),
                "REPORT_JS", script(RESOURCES + "report.js")));
    String template = resource("report.html");
    values.put("CSP", policy(template, values));
    return fill(template, values);
  }

  /**
   * The Content-Security-Policy of the page: nothing is loaded; the page's script elements run,
   * each allowed by the SHA-256 of its text, and nothing else does (no inline event handler, no
   * javascript: URL, no script element that is not the page's own); no base element, no form.
   *
   * <p>Styles are held as tightly: the page's style element by its hash, and no style attribute.
   * ECharts styles its SVG and the tooltip box through the CSSOM (element.style), which a policy
   * does not govern; the only style attributes it writes are inside the HTML strings of its default
   * tooltips and of the item tooltip's arrow, and report.js gives every tooltip DOM content and
   * confines item tooltips (no arrow). Chromium draws every chart and shows every tooltip without a
   * violation (ReportBrowserIT checks the console), so styles need no {@code 'unsafe-inline'}
   * either.
   */
  static String policy(String template, Map<String, String> values) {
    return String.join(
        "; ",
        "default-src 'none'",
        "script-src " + hashes(SCRIPT, template, values),
        "style-src " + hashes(STYLE, template, values),
        "img-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'");
  }

  /** 'sha256-…' of the filled text of each element of the template that {@code element} matches. */
  private static String hashes(Pattern element, String template, Map<String, String> values) {
    List<String> out = new ArrayList<>();
    Matcher m = element.matcher(template);
    while (m.find()) {
      out.add(
          "'sha256-" + Base64.getEncoder().encodeToString(sha256(fill(m.group(1), values))) + "'");
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("report.html: no element " + element.pattern());
    }
    return String.join(" ", out);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code template} with each {{NAME}} replaced by its value; an unknown name is an error. */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
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

  /** Text made safe for HTML element content and attribute values in either quote. */
  public static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String resource(String name) {
    return text(RESOURCES + name);
  }

  /**
   * A text resource with its line ends as LF: a browser reads CR LF and CR inside the page as LF,
   * and the hashes of the scripts must be those of the text the browser sees.
   */
  private static String text(String resource) {
    try (InputStream in = ChinaMaps.open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\r\n", "\n")
          .replace('\r', '\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
