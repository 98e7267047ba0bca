package org.tifa.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  private static long count(RegionLevel level) {
    return GAZETTEER.all().stream().filter(r -> r.level() == level).count();
  }

  @Test
  void provincesAreTheThirtyOneOfTheSourcePlusHongKongMacaoTaiwan() {
    assertEquals(31 + 3, count(RegionLevel.PROVINCE));
  }

  @Test
  void prefectureCountIsTheSourceMinusItsPlaceholders() {
    // awk -F, '$3=="prefecture" && $9!=1' regions.csv | wc -l  ->  333 (342 rows, 9 placeholders)
    assertEquals(333, count(RegionLevel.PREFECTURE));
  }

  @Test
  void countyCountDropsRowsRepeatingAPrefecture() {
    // awk -F, '$3=="county" && $1 !~ /00$/' regions.csv | wc -l  ->  2975 (东莞/中山/儋州 dropped),
    // minus 620201 嘉峪关市, the statistics-only repeat of the prefecture 620200.
    assertEquals(2974, count(RegionLevel.COUNTY));
  }

  @Test
  void everyParentChainIsValid() {
    Map<String, Region> byCode =
        GAZETTEER.all().stream().collect(Collectors.toMap(Region::code, r -> r));
    for (Region r : GAZETTEER.all()) {
      Region province = byCode.get(r.provinceCode());
      assertEquals(RegionLevel.PROVINCE, province.level(), r.toString());
      assertEquals(province.name(), r.provinceName(), r.toString());
      if (r.level() == RegionLevel.PROVINCE) {
        assertEquals(null, r.parentCode(), r.toString());
        continue;
      }
      Region parent = byCode.get(r.parentCode());
      assertTrue(parent.level().ordinal() < r.level().ordinal(), r.toString());
      assertTrue(parent.contains(r), r.toString());
      Region prefecture = byCode.get(r.prefectureCode());
      assertEquals(prefecture.name(), r.prefectureName(), r.toString());
      assertTrue(prefecture.contains(r) || prefecture.code().equals(r.code()), r.toString());
    }
  }

  @Test
  void formerPrefectureLaiwuResolvesToJinan() {
    Region r = GAZETTEER.byCode("371200").orElseThrow();
    assertEquals("370100", r.code());
    assertEquals("济南市", r.name());
  }

  @Test
  void municipalityDistrictRollsUpToTheMunicipalityAtPrefectureLevel() {
    Region chaoyang = GAZETTEER.byCode("110105").orElseThrow();
    assertEquals("110000", chaoyang.parentCode());
    assertEquals("110000", chaoyang.prefectureCode());
    assertEquals("北京市", chaoyang.prefectureName());
    assertEquals("110000", GAZETTEER.byCode("110100").orElseThrow().code());
  }

  @Test
  void countyLevelCityUnderTheProvinceIsItsOwnPrefectureUnit() {
    Region xiantao = GAZETTEER.byCode("429004").orElseThrow();
    assertEquals(RegionLevel.COUNTY, xiantao.level());
    assertEquals("420000", xiantao.parentCode());
    assertEquals("429004", xiantao.prefectureCode());
  }

  @Test
  void renamedAndRecodedDivisionsFollowTheirChanges() {
    assertEquals("襄阳市", GAZETTEER.byCode("420600").orElseThrow().name());
    assertEquals("340181", GAZETTEER.currentCode("341400").orElseThrow());
    assertEquals("110101", GAZETTEER.currentCode("110103").orElseThrow());
    assertTrue(GAZETTEER.currentCode("999999").isEmpty());
  }

  @Test
  void sharedNamesAreAmbiguousAndUniqueOnesAreNot() {
    assertTrue(GAZETTEER.lookup("鼓楼区").stream().allMatch(Gazetteer.Name::ambiguous));
    assertTrue(GAZETTEER.lookup("鼓楼区").size() >= 4);
    assertTrue(GAZETTEER.lookup("朝阳").stream().allMatch(Gazetteer.Name::ambiguous));
    assertFalse(GAZETTEER.lookup("聊城").get(0).ambiguous());
    assertEquals("371500", GAZETTEER.lookup("聊城").get(0).code());
    assertEquals("422800", GAZETTEER.lookup("恩施州").get(0).code());
  }

  @Test
  void loadRejectsAChangeToAnUnknownCode() {
    String divisions =
        "code,name,level,parent_code,province_code,prefecture_code,short_name,aliases,ambiguous,"
            + "in_mca_2021,functional_zone,ambiguous_aliases\n"
            + "370000,山东省,province,,370000,,山东,山东,0,1,0,\n";
    String changes =
        "old_code,old_name,new_code,new_name,change,year,note\n"
            + "371200,莱芜市,370100,济南市,prefecture-abolished,2019,\n";
    assertThrows(
        IllegalArgumentException.class,
        () -> Gazetteer.load(new StringReader(divisions), new StringReader(changes)));
  }

  @Test
  void csvFieldsMayBeQuoted() {
    assertEquals(
        List.of("a", "b,c", "say \"x\"", ""), CsvLines.split("a,\"b,c\",\"say \"\"x\"\"\","));
  }

  @Test
  void placeholderPrefecturesKeepTheirCodesButAreNoPlaceNames() {
    Gazetteer g = Gazetteer.loadDefault();
    // 500200 was the statistical pseudo-prefecture 县 of 重庆's counties; 110100 市辖区 of 北京's
    // districts.
    assertEquals("500000", g.byCode("500200").orElseThrow().code());
    assertEquals("110000", g.byCode("110100").orElseThrow().code());
    assertEquals(List.of(), g.lookup("县"));
    assertEquals(List.of(), g.lookup("市辖区"));
  }
}
