package org.tifa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tifa.reference.CsvLines;

/**
 * The map shapes a report draws, and which region each shape stands for. The shapes are the GeoJSON
 * files of the npm package echarts 4.9.0 ({@code map/json/china.json} and {@code
 * map/json/province/*.json}, Apache-2.0), unpacked into the jar at build time. Their features carry
 * a GB/T 2260 code as {@code id} (most of them) and a name: short names for provinces (山东), full
 * names below (聊城市). A region is matched to a feature by code first, then by full or short name;
 * ECharts colours a feature by its name, so the report's data items carry the feature's name.
 */
public final class ChinaMaps {
  private ChinaMaps() {}

  static final String DIR = "tifa/report/vendor/maps/";
  static final String CHINA = DIR + "china.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One shape of a map: its code where the file gives one, and the name ECharts knows it by. */
  public record Feature(String id, String name) {}

  /** A division of the snapshot's regions table, as far as matching needs it. */
  public record Division(String code, String name, String shortName) {}

  /** A shape and the division it stands for ({@code code} null when none matches). */
  public record Match(String featureName, String code) {}

  /** The GeoJSON text of the country map. */
  public static String chinaGeoJson() {
    return text(CHINA);
  }

  /** The GeoJSON text of one province's map, or null when the package has none for it. */
  public static String provinceGeoJson(String provinceCode) {
    String file = provinceFiles().get(provinceCode);
    return file == null ? null : text(DIR + "province/" + file + ".json");
  }

  /** Province code → the file name (without .json) of its map in the package. */
  public static Map<String, String> provinceFiles() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = open("tifa/report/province-maps.csv")) {
      for (Map<String, String> row :
          CsvLines.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        out.put(row.get("code"), row.get("file"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The features of a GeoJSON text, in file order. */
  public static List<Feature> features(String geoJson) {
    List<Feature> out = new ArrayList<>();
    try {
      for (JsonNode f : JSON.readTree(geoJson).path("features")) {
        JsonNode id = f.get("id");
        out.add(
            new Feature(
                id == null || id.isNull() ? null : id.asText(),
                f.path("properties").path("name").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Each feature with the division it draws: the division whose code is the feature's id, else the
   * one whose full or short name is the feature's name. Features left unmatched (divisions since
   * abolished, such as 莱芜市, or places the gazetteer does not subdivide) get a null code.
   */
  public static List<Match> match(List<Feature> features, List<Division> divisions) {
    Map<String, String> byCode = new LinkedHashMap<>();
    Map<String, String> byName = new LinkedHashMap<>();
    for (Division d : divisions) {
      byCode.put(d.code(), d.code());
      byName.putIfAbsent(d.name(), d.code());
      if (d.shortName() != null && !d.shortName().isEmpty()) {
        byName.putIfAbsent(d.shortName(), d.code());
      }
    }
    List<Match> out = new ArrayList<>();
    for (Feature f : features) {
      String code = f.id() != null ? byCode.get(f.id()) : null;
      if (code == null) {
        code = byName.get(f.name());
      }
      out.add(new Match(f.name(), code));
    }
    return out;
  }

  private static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(String resource) throws IOException {
    InputStream in = ChinaMaps.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(
          "missing from the jar: "
              + resource
              + " (built by the download and antrun steps of jobs/pom.xml)");
    }
    return in;
  }
}
