package org.tifa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.Region;
import org.tifa.reference.RegionLevel;

/** The packaged map shapes (echarts 4.9.0) and their matching to the gazetteer's divisions. */
class ChinaMapsTest {
  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  private static List<ChinaMaps.Division> divisions(RegionLevel level, String provinceCode) {
    return GAZETTEER.all().stream()
        .filter(
            r ->
                r.level() == level
                    && (provinceCode == null || provinceCode.equals(r.provinceCode())))
        .sorted(Comparator.comparing(Region::code))
        .map(r -> new ChinaMaps.Division(r.code(), r.name(), r.shortName()))
        .toList();
  }

  @Test
  void everyProvinceOfTheGazetteerHasItsOwnFeatureOnTheCountryMap() {
    List<ChinaMaps.Division> provinces = divisions(RegionLevel.PROVINCE, null);
    // 31 provinces, municipalities and autonomous regions, Taiwan, Hong Kong and Macao.
    assertEquals(34, provinces.size());
    List<ChinaMaps.Match> matches =
        ChinaMaps.match(ChinaMaps.features(ChinaMaps.chinaGeoJson()), provinces);
    Set<String> matched =
        matches.stream()
            .map(ChinaMaps.Match::code)
            .filter(c -> c != null)
            .collect(Collectors.toSet());
    assertEquals(
        provinces.stream().map(ChinaMaps.Division::code).collect(Collectors.toSet()), matched);
    // One feature each: 34 features, 34 distinct codes.
    assertEquals(34, matches.size());
    Map<String, String> byCode =
        matches.stream()
            .collect(Collectors.toMap(ChinaMaps.Match::code, ChinaMaps.Match::featureName));
    assertEquals("山东", byCode.get("370000"));
    assertEquals("内蒙古", byCode.get("150000"));
  }

  @Test
  void matchingFallsBackToNamesWhenAFeatureHasNoCode() {
    List<ChinaMaps.Division> divisions =
        List.of(
            new ChinaMaps.Division("370000", "山东省", "山东"),
            new ChinaMaps.Division("371500", "聊城市", "聊城"));
    List<ChinaMaps.Match> m =
        ChinaMaps.match(
            List.of(
                new ChinaMaps.Feature(null, "山东"),
                new ChinaMaps.Feature(null, "聊城市"),
                new ChinaMaps.Feature("371200", "莱芜市")),
            divisions);
    assertEquals(
        List.of(
            new ChinaMaps.Match("山东", "370000"),
            new ChinaMaps.Match("聊城市", "371500"),
            new ChinaMaps.Match("莱芜市", null)),
        m);
  }

  @Test
  void everyProvinceHasAMapFileWhoseCodedFeaturesLieInsideIt() {
    Map<String, String> files = ChinaMaps.provinceFiles();
    assertEquals(
        divisions(RegionLevel.PROVINCE, null).stream().map(ChinaMaps.Division::code).toList(),
        new ArrayList<>(files.keySet()));
    for (String province : files.keySet()) {
      String json = ChinaMaps.provinceGeoJson(province);
      assertNotNull(json, province);
      List<ChinaMaps.Feature> features = ChinaMaps.features(json);
      assertTrue(!features.isEmpty(), province);
      for (ChinaMaps.Feature f : features) {
        if (f.id() != null) {
          assertEquals(province.substring(0, 2), f.id().substring(0, 2), province + " " + f);
        }
      }
    }
  }

  @Test
  void shandongsPrefecturesAllHaveAShapeAndTheAbolishedLaiwuMatchesNothing() {
    // shandong.json has 17 features: the 16 current prefecture-level cities and 莱芜市, merged into
    // 济南 in 2019 (read from the file; its id 371200 is no current code).
    List<ChinaMaps.Division> prefectures = divisions(RegionLevel.PREFECTURE, "370000");
    assertEquals(16, prefectures.size());
    List<ChinaMaps.Match> m =
        ChinaMaps.match(ChinaMaps.features(ChinaMaps.provinceGeoJson("370000")), prefectures);
    assertEquals(17, m.size());
    assertEquals(
        List.of("莱芜市"),
        m.stream().filter(x -> x.code() == null).map(ChinaMaps.Match::featureName).toList());
    Set<String> codes = new HashSet<>();
    m.forEach(x -> codes.add(x.code()));
    prefectures.forEach(p -> assertTrue(codes.contains(p.code()), p.toString()));
    assertEquals(
        "聊城市",
        m.stream().filter(x -> "371500".equals(x.code())).findFirst().orElseThrow().featureName());
  }

  @Test
  void aMunicipalityIsDrawnByItsDistricts() {
    // beijing.json: the 16 districts of 北京, each with its county-level code (东城区 110101 ...).
    List<ChinaMaps.Division> districts = divisions(RegionLevel.COUNTY, "110000");
    assertEquals(16, districts.size());
    List<ChinaMaps.Match> m =
        ChinaMaps.match(ChinaMaps.features(ChinaMaps.provinceGeoJson("110000")), districts);
    assertEquals(16, m.size());
    m.forEach(x -> assertNotNull(x.code(), x.featureName()));
    assertEquals(
        "110105",
        m.stream().filter(x -> x.featureName().equals("朝阳区")).findFirst().orElseThrow().code());
    assertNull(ChinaMaps.provinceGeoJson("999999"));
  }
}
