package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

  /**
   * Leftmost-longest written plainly, for texts with nothing the canonical form drops: at each
   * position the longest key starting there wins and the scan jumps past it, else it moves on.
   */
  private static List<TermHit> naive(String text, Map<String, String> dictionary) {
    List<TermHit> hits = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      String longest = null;
      for (String key : dictionary.keySet()) {
        if (text.startsWith(key, i) && (longest == null || key.length() > longest.length())) {
          longest = key;
        }
      }
      if (longest == null) {
        i++;
      } else {
        hits.add(hit(i, i + longest.length(), dictionary.get(longest), longest));
        i += longest.length();
      }
    }
    return hits;
  }

  @Test
  void groupsAreMatchedIndependentlyOverOneTrie() {
    // Overlapping keys over a small alphabet, some shared between the groups under other ids.
    Map<String, String> slogans = Map.of("甲乙", "s1", "甲乙丙", "s2", "丙丁", "s3", "乙", "s4", "丁甲乙丙丁", "s5");
    Map<String, String> topics = Map.of("乙丙", "t1", "甲乙", "t2", "丁", "t3", "丙丁甲", "t4");
    TermMatcher both = TermMatcher.of(List.of(slogans, topics));
    assertEquals(2, both.groups());
    assertEquals(8, both.size());
    SplittableRandom r = new SplittableRandom(3);
    String alphabet = "甲乙丙丁戊";
    for (int t = 0; t < 2000; t++) {
      StringBuilder text = new StringBuilder();
      int length = r.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      TermHit[][] found = both.findAllByGroup(text.toString());
      assertEquals(naive(text.toString(), slogans), List.of(found[0]), "slogans in " + text);
      assertEquals(naive(text.toString(), topics), List.of(found[1]), "topics in " + text);
    }
  }

  @Test
  void eachGroupKeepsItsOwnSeparatorPositions() {
    // The same key: breakable at the comma in the first group only.
    TermMatcher both = TermMatcher.of(List.of(Map.of("碳达峰、碳中和", "a"), Map.of("碳达峰碳中和", "b")));
    TermHit[][] found = both.findAllByGroup("实现碳达峰，碳中和目标");
    assertArrayEquals(new TermHit[] {hit(2, 9, "a", "碳达峰，碳中和")}, found[0]);
    assertEquals(0, found[1].length);
  }

  @Test
  void aMatcherOfSeveralGroupsAnswersOnlyByGroup() {
    TermMatcher both = TermMatcher.of(List.of(Map.of("三农", "a"), Map.of("六稳", "b")));
    assertThrows(IllegalStateException.class, () -> both.findAll("三农"));
    assertThrows(IllegalArgumentException.class, () -> TermMatcher.of(List.of(Map.of("三农", "a"), Map.of())));
    assertThrows(IllegalArgumentException.class, () -> TermMatcher.of(List.of()));
  }

  @Test
  void textsLongerThanTheKeptWorkingArraysMatchTheSame() {
    String filler = "农".repeat(1_100_000);
    String text = "三农" + filler + "乡村振兴";
    TermHit[] hits = CAMPAIGNS.findAll(text);
    assertEquals(hit(0, 2, "sannong", "三农"), hits[0]);
    assertEquals(hit(text.length() - 4, text.length(), "xczx", "乡村振兴"), hits[hits.length - 1]);
    // and the next short text still starts from clean working arrays
    assertArrayEquals(new TermHit[] {hit(2, 4, "liuwen", "六稳")}, CAMPAIGNS.findAll("做好六稳工作"));
  }

  /** Terms that are themselves numbers, as the real reports quote them. */
  private static final TermMatcher NUMBERED =
      TermMatcher.of(Map.of("十五", "fifteen", "十五五", "fifteenth-plan", "九五", "ninth-plan", "123", "n123", "三农", "sannong"));

  @Test
  void noTermMatchesInsideALongerChineseNumber() {
    assertEquals(0, NUMBERED.findAll("二十五个省份").length, "十五 in 二十五");
    assertEquals(0, NUMBERED.findAll("一九九五年以来").length, "九五 in 一九九五");
    assertEquals(0, NUMBERED.findAll("一百二十三农户").length, "三农 after 二十");
    assertEquals(0, NUMBERED.findAll("十五六个").length, "十五 before 六");
  }

  @Test
  void noTermMatchesInsideALongerArabicNumber() {
    assertEquals(0, NUMBERED.findAll("编号41234的项目").length);
    assertEquals(0, NUMBERED.findAll("1234").length);
    assertArrayEquals(new TermHit[] {hit(2, 5, "n123", "123")}, NUMBERED.findAll("第十123项"), "a Chinese numeral is not a digit");
  }

  @Test
  void numberedTermsMatchWhereTheyStandAlone() {
    assertArrayEquals(new TermHit[] {hit(1, 4, "fifteenth-plan", "十五五")}, NUMBERED.findAll("“十五五”规划"));
    assertArrayEquals(new TermHit[] {hit(0, 3, "fifteenth-plan", "十五五")}, NUMBERED.findAll("十五五时期"));
    assertArrayEquals(new TermHit[] {hit(1, 3, "ninth-plan", "九五")}, NUMBERED.findAll("“九五”计划"));
    assertArrayEquals(new TermHit[] {hit(2, 4, "sannong", "三农")}, NUMBERED.findAll("做好三农工作"));
    assertArrayEquals(new TermHit[] {hit(3, 5, "fifteen", "十五")}, NUMBERED.findAll("二十、十五条"), "a separator ends the number before it");
  }
}
