package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.tifa.report.ChinaMaps;

/** The submit jar carries everything a report page inlines, with the licences and sources. */
class ReportJarIT {

  @Test
  void theShadedJarHoldsTheChartLibraryTheMapsAndTheirLicences() throws IOException {
    List<String> needed =
        new ArrayList<>(
            List.of(
                "tifa/report/report.html",
                "tifa/report/report.css",
                "tifa/report/report.js",
                "tifa/report/province-maps.csv",
                "tifa/report/README.md",
                "tifa/report/vendor.properties",
                "tifa/report/vendor/echarts/echarts.min.js",
                "tifa/report/vendor/echarts/LICENSE",
                "tifa/report/vendor/echarts/NOTICE",
                "tifa/report/vendor/echarts/licenses/LICENSE-d3",
                "tifa/report/vendor/zrender/LICENSE",
                "tifa/report/vendor/maps/china.json",
                "tifa/report/vendor/maps/LICENSE",
                "tifa/report/vendor/maps/NOTICE"));
    ChinaMaps.provinceFiles()
        .values()
        .forEach(f -> needed.add("tifa/report/vendor/maps/province/" + f + ".json"));
    assertEquals(14 + 34, needed.size());
    try (ZipFile jar = new ZipFile(System.getProperty("tifa.jar"))) {
      List<String> missing = needed.stream().filter(n -> jar.getEntry(n) == null).toList();
      assertEquals(List.of(), missing, "missing from " + System.getProperty("tifa.jar"));
      ZipEntry echarts = jar.getEntry("tifa/report/vendor/echarts/echarts.min.js");
      assertTrue(echarts.getSize() > 500_000, "the full ECharts build: " + echarts.getSize());
      String readme =
          new String(
              jar.getInputStream(jar.getEntry("tifa/report/README.md")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(
          readme.contains("echarts@4.9.0")
              && readme.contains("Apache-2.0")
              && readme.contains("BSD-3-Clause"),
          readme);
      String license =
          new String(
              jar.getInputStream(jar.getEntry("tifa/report/vendor/zrender/LICENSE")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(license.contains("BSD"), "zrender's licence text");
    }
  }
}
