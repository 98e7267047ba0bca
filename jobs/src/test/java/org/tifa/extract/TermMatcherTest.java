package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tifa.testing.Serialization;

class TermMatcherTest {

  private static final TermMatcher CAMPAIGNS =
      TermMatcher.of(
          Map.of(
              "攻坚突破年", "gjtpn",
              "聚力攻坚突破年", "jl-gjtpn",
              "攻坚突破年 政协见行动", "gjtpn-zx",
              "三农", "sannong",
              "六稳", "liuwen",
              "双碳", "shuangtan",
              "碳达峰", "tandafeng",
              "乡村振兴", "xczx"));

  private static TermHit hit(int start, int end, String id, String surface) {
    return new TermHit(start, end, id, surface);
  }

  @Test
  void longerTermWinsOverATermItContains() {
    assertArrayEquals(
        new TermHit[] {hit(0, 7, "jl-gjtpn", "聚力攻坚突破年")},
        CAMPAIGNS.findAll("聚力攻坚突破年 政协履职见行动"));
  }

  @Test
  void shorterTermIsFoundWhereTheLongerIsAbsent() {
    assertArrayEquals(new TermHit[] {hit(2, 7, "gjtpn", "攻坚突破年")}, CAMPAIGNS.findAll("开展攻坚突破年活动"));
  }

  @Test
  void longestAtTheSameStartWinsIncludingThroughItsSpace() {
    assertArrayEquals(
        new TermHit[] {hit(1, 12, "gjtpn-zx", "攻坚突破年 政协见行动")},
        CAMPAIGNS.findAll("“攻坚突破年 政协见行动”"));
  }

  @Test
  void separatorMayStandWhereTheTermHasOne() {
    assertArrayEquals(
        new TermHit[] {hit(0, 11, "gjtpn-zx", "攻坚突破年、政协见行动")},
        CAMPAIGNS.findAll("攻坚突破年、政协见行动"));
  }

  @Test
  void separatorInsideATermWithoutOneBlocksTheMatch() {
    assertEquals(0, CAMPAIGNS.findAll("三、农业农村工作").length);
  }

  @Test
  void blockedLongerMatchLeavesTheShorterOne() {
    assertArrayEquals(
        new TermHit[] {hit(0, 5, "gjtpn", "攻坚突破年")}, CAMPAIGNS.findAll("攻坚突破年，政协，见行动"));
  }

  @Test
  void spacesInsideAnyTermAreSkipped() {
    assertArrayEquals(new TermHit[] {hit(2, 7, "xczx", "乡村 振兴")}, CAMPAIGNS.findAll("推进乡村 振兴"));
  }

  @Test
  void lineBreaksAreNeverCrossed() {
    assertEquals(0, CAMPAIGNS.findAll("乡村\n振兴").length);
  }

  @Test
  void overlappingTermsYieldOnlyTheLeftmost() {
    assertArrayEquals(new TermHit[] {hit(0, 2, "shuangtan", "双碳")}, CAMPAIGNS.findAll("双碳达峰"));
  }

  @Test
  void adjacentTermsAreBothFound() {
    assertArrayEquals(
        new TermHit[] {hit(0, 2, "sannong", "三农"), hit(2, 4, "liuwen", "六稳")}, CAMPAIGNS.findAll("三农六稳"));
  }

  @Test
  void everyOccurrenceIsFoundWithOriginalOffsets() {
    String text = "抓“三农”，\u3000再抓 三农。";
    assertArrayEquals(
        new TermHit[] {hit(2, 4, "sannong", "三农"), hit(10, 12, "sannong", "三农")}, CAMPAIGNS.findAll(text));
  }

  @Test
  void textIsMatchedAsGivenWithoutScriptConversion() {
    assertEquals(0, CAMPAIGNS.findAll("推進鄉村振興").length);
  }

  @Test
  void formsOfOneKeyShareTheirSeparatorPositions() {
    TermMatcher carbon = TermMatcher.of(Map.of("碳达峰碳中和", "dual-carbon", "碳达峰、碳中和", "dual-carbon"));

    assertArrayEquals(
        new TermHit[] {hit(0, 7, "dual-carbon", "碳达峰，碳中和")}, carbon.findAll("碳达峰，碳中和"));
    assertEquals(1, carbon.size());
  }

  @Test
  void twoIdsForOneKeyAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> TermMatcher.of(Map.of("三农", "a", "三 农", "b")));
  }

  @Test
  void emptyDictionaryAndEmptyFormsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TermMatcher.of(Map.of()));
    assertThrows(IllegalArgumentException.class, () -> TermMatcher.of(Map.of(" 、", "a")));
  }

  @Test
  void emptyTextHasNoHits() {
    assertEquals(0, CAMPAIGNS.findAll("").length);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    TermMatcher copy = Serialization.roundTrip(CAMPAIGNS);

    assertArrayEquals(CAMPAIGNS.findAll("聚力攻坚突破年和三农"), copy.findAll("聚力攻坚突破年和三农"));
  }
}
