package org.tifa.match;

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
        new TermHit[] {hit(0, 7, "jl-gjtpn", "聚力攻坚突破年")}, CAMPAIGNS.findAll("聚力攻坚突破年 政协履职见行动"));
  }

  @Test
  void shorterTermIsFoundWhereTheLongerIsAbsent() {
    assertArrayEquals(new TermHit[] {hit(2, 7, "gjtpn", "攻坚突破年")}, CAMPAIGNS.findAll("开展攻坚突破年活动"));
  }

  @Test
  void longestAtTheSameStartWinsIncludingThroughItsSpace() {
    assertArrayEquals(
        new TermHit[] {hit(1, 12, "gjtpn-zx", "攻坚突破年 政协见行动")}, CAMPAIGNS.findAll("“攻坚突破年 政协见行动”"));
  }

  @Test
  void separatorMayStandWhereTheTermHasOne() {
    assertArrayEquals(
        new TermHit[] {hit(0, 11, "gjtpn-zx", "攻坚突破年、政协见行动")}, CAMPAIGNS.findAll("攻坚突破年、政协见行动"));
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
  void quotationMarksInsideATermAreReadThrough() {
    // 乡村振兴 written with part of it quoted: the match runs from 乡 (2) to 兴 (6), the closing mark
    // outside
    assertArrayEquals(new TermHit[] {hit(2, 7, "xczx", "乡村“振兴")}, CAMPAIGNS.findAll("推进乡村“振兴”战略"));
    assertArrayEquals(
        new TermHit[] {hit(1, 13, "gjtpn-zx", "攻坚突破年’‘政协见行动")},
        CAMPAIGNS.findAll("‘攻坚突破年’‘政协见行动’"));
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
        new TermHit[] {hit(0, 2, "sannong", "三农"), hit(2, 4, "liuwen", "六稳")},
        CAMPAIGNS.findAll("三农六稳"));
  }

  @Test
  void everyOccurrenceIsFoundWithOriginalOffsets() {
    String text = "抓“三农”，\u3000再抓 三农。";
    assertArrayEquals(
        new TermHit[] {hit(2, 4, "sannong", "三农"), hit(10, 12, "sannong", "三农")},
        CAMPAIGNS.findAll(text));
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
    Map<String, String> slogans =
        Map.of("甲乙", "s1", "甲乙丙", "s2", "丙丁", "s3", "乙", "s4", "丁甲乙丙丁", "s5");
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
    assertThrows(
        IllegalArgumentException.class, () -> TermMatcher.of(List.of(Map.of("三农", "a"), Map.of())));
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
      TermMatcher.of(
          Map.of(
              "十五",
              "fifteen",
              "十五五",
              "fifteenth-plan",
              "九五",
              "ninth-plan",
              "123",
              "n123",
              "三农",
              "sannong"));

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
    assertArrayEquals(
        new TermHit[] {hit(2, 5, "n123", "123")},
        NUMBERED.findAll("第十123项"),
        "a Chinese numeral is not a digit");
  }

  @Test
  void numberedTermsMatchWhereTheyStandAlone() {
    assertArrayEquals(
        new TermHit[] {hit(1, 4, "fifteenth-plan", "十五五")}, NUMBERED.findAll("“十五五”规划"));
    assertArrayEquals(
        new TermHit[] {hit(0, 3, "fifteenth-plan", "十五五")}, NUMBERED.findAll("十五五时期"));
    assertArrayEquals(new TermHit[] {hit(1, 3, "ninth-plan", "九五")}, NUMBERED.findAll("“九五”计划"));
    assertArrayEquals(new TermHit[] {hit(2, 4, "sannong", "三农")}, NUMBERED.findAll("做好三农工作"));
    assertArrayEquals(
        new TermHit[] {hit(3, 5, "fifteen", "十五")},
        NUMBERED.findAll("二十、十五条"),
        "a separator ends the number before it");
  }

  /** Short topic keywords and slogans of the real dictionaries, checked against word boundaries. */
  private static final Map<String, String> SHORT_TERMS =
      Map.ofEntries(
          Map.entry("种业", "seed"),
          Map.entry("进出口", "trade-volume"),
          Map.entry("外贸", "foreign-trade"),
          Map.entry("制造业", "manufacturing"),
          Map.entry("农民工", "migrant-workers"),
          Map.entry("旅游业", "tourism"),
          Map.entry("医保", "medical-insurance"),
          Map.entry("化债", "debt-resolution"),
          Map.entry("高铁", "high-speed-rail"),
          Map.entry("农产品", "farm-produce"),
          Map.entry("房地产", "real-estate"),
          Map.entry("中小学", "schools"),
          Map.entry("风电", "wind-power"),
          Map.entry("光伏", "solar"),
          Map.entry("都市圈", "metro-area"),
          Map.entry("算力", "computing-power"),
          Map.entry("两山", "two-mountains"),
          Map.entry("双创", "mass-innovation"));

  private static final TermMatcher WORDS = TermMatcher.of(List.of(SHORT_TERMS), 3);

  private static List<String> ids(TermHit[] hits) {
    return java.util.Arrays.stream(hits).map(TermHit::id).toList();
  }

  /** Real sentences (excerpts of the reports) where a short term straddles two words. */
  private static final String[][] STRADDLING = {
    {"人民公社还办了各种业余学校和红专学校。", "seed"},
    {"退税等各种国际通行的政策手段，促进出口，增加收汇。", "trade-volume"},
    {"打造维修和再制造业务集聚区。", "manufacturing"},
    {"抓紧建立确保进城务工农民工资正常支付的机制", "migrant-workers"},
    {"发展沉浸式旅游业态，推动景区强基焕新", "tourism"},
    {"大力发展银发经济，创设中医保健、普惠康养等服务场景", "medical-insurance"},
    {"优化债务重组和置换办法，多措并举化解融资平台债务风险", "debt-resolution"},
    {"二、适当提高铁路短途运价，以利于调整运输结构", "high-speed-rail"},
    {"适当降低工业品特别是支农产品的销售价格", "farm-produce"},
  };

  @Test
  void shortTermsStraddlingTwoWordsOfRealSentencesAreRefused() {
    TermMatcher unchecked = TermMatcher.of(List.of(SHORT_TERMS));
    for (String[] c : STRADDLING) {
      assertEquals(List.of(c[1]), ids(unchecked.findAll(c[0])), "without the check, in " + c[0]);
      assertEquals(List.of(), ids(WORDS.findAll(c[0])), c[0]);
    }
  }

  @Test
  void theSameTermsStandingAsWordsOfRealSentencesStay() {
    assertEquals(List.of("seed"), ids(WORDS.findAll("深入实施种业振兴行动，接续实施现代设施农业")));
    assertEquals(
        List.of("foreign-trade", "trade-volume"),
        ids(WORDS.findAll("三是改革开放深入推进。外贸进出口总额达到4.51万亿元")));
    assertEquals(
        List.of("manufacturing", "manufacturing"), ids(WORDS.findAll("装备制造业、高技术制造业增加值分别增长17.7%")));
    assertEquals(List.of("migrant-workers"), ids(WORDS.findAll("加大欠薪整治力度，加强农民工工资支付保障")));
    assertEquals(List.of("tourism"), ids(WORDS.findAll("实施旅游业高质量发展行动，接待国内游客")));
    assertEquals(List.of("medical-insurance"), ids(WORDS.findAll("健全社保、医保基金安全监管体系")));
    assertEquals(List.of("debt-resolution"), ids(WORDS.findAll("严肃查处新增隐性债务、化债不实等问题")));
    assertEquals(List.of("high-speed-rail"), ids(WORDS.findAll("推进沪通铁路二期上海段、沪渝蓉高铁上海段等重大项目建设")));
    assertEquals(List.of("farm-produce"), ids(WORDS.findAll("健全农产品冷链物流网络")));
  }

  @Test
  void aTermInsideALongerWordStays() {
    assertArrayEquals(
        new TermHit[] {hit(10, 13, "real-estate", "房地产")}, WORDS.findAll("服务业增势不够稳固，房地产业处于调整之中"));
    assertEquals(List.of("schools"), ids(WORDS.findAll("建设100个中小学校冰雪运动训练室")));
  }

  @Test
  void aTermTheSegmenterDoesNotKnowStaysWhereItStrandsOneOfItsCharacters() {
    // 风/电光/伏, 海风/电, 大都市/圈, 内外/贸: single characters left over mark an unknown word.
    assertEquals(List.of("wind-power", "solar"), ids(WORDS.findAll("毛乌素沙地风电光伏基地电力外送工程")));
    assertEquals(List.of("wind-power"), ids(WORDS.findAll("推动深远海风电等重大项目建设")));
    assertEquals(List.of("metro-area"), ids(WORDS.findAll("推进上海大都市圈建设")));
    assertEquals(List.of("foreign-trade"), ids(WORDS.findAll("促进内外贸一体化和贸产融合发展")));
    assertEquals(List.of("computing-power"), ids(WORDS.findAll("推进智能算力等新型基础设施建设")));
    assertEquals(List.of("debt-resolution"), ids(WORDS.findAll("有力克服世纪疫情冲击、防风化债任务艰巨")));
  }

  @Test
  void aTermQuotedWholeStays() {
    assertArrayEquals(
        new TermHit[] {hit(15, 17, "two-mountains", "两山")},
        WORDS.findAll("建成国家生态文明建设示范区和“两山”实践创新基地57个"));
    assertEquals(List.of("mass-innovation"), ids(WORDS.findAll("推进「双创」示范基地建设")));
  }

  @Test
  void commonWordsAsTermsFollowTheSameRule() {
    TermMatcher common =
        TermMatcher.of(
            List.of(
                Map.of(
                    "民主", "democracy", "保护", "protection", "金山", "gold-mountain", "未来", "future")),
            3);
    // 人民/主体: refused.
    assertEquals(List.of(), ids(common.findAll("执行力。坚决做到人民至上，尊重人民主体地位，感情上贴近群众")));
    assertEquals(List.of("democracy"), ids(common.findAll("始终践行全过程人民民主，依法接受人大及其常委会")));
    // 保护区 is a protected area: 保护 stands inside the word and counts.
    assertEquals(
        List.of("protection", "protection"), ids(common.findAll("实施自然保护区建设提升工程，加强生物多样性保护")));
    assertEquals(List.of("gold-mountain"), ids(common.findAll("牢固树立和践行绿水青山就是金山银山的理念")));
    // A known limit: the segmenter leaves 未 alone (未/来得及), which reads as a term it does not
    // know, so 未来 stays.
    assertEquals(List.of("future"), ids(common.findAll("还未来得及处理")));
  }

  @Test
  void onlyTermsUpToTheLimitAreChecked() {
    TermMatcher twoChars = TermMatcher.of(List.of(SHORT_TERMS), 2);
    assertEquals(List.of("trade-volume"), ids(twoChars.findAll("退税等各种国际通行的政策手段，促进出口，增加收汇。")));
    assertEquals(List.of(), ids(twoChars.findAll("人民公社还办了各种业余学校和红专学校。")));
    assertThrows(IllegalArgumentException.class, () -> TermMatcher.of(List.of(SHORT_TERMS), -1));
  }

  @Test
  void aRefusedShortMatchLeavesRoomForAnotherTerm() {
    // 各种业余 refuses 种业 (各种/业余); 业余 then matches as a term of its own.
    TermMatcher seedAndSpare = TermMatcher.of(List.of(Map.of("种业", "seed", "业余", "spare-time")), 3);
    assertEquals(List.of("spare-time"), ids(seedAndSpare.findAll("人民公社还办了各种业余学校和红专学校。")));
  }

  @Test
  void theWordBoundaryCheckSurvivesJavaSerialization() throws Exception {
    TermMatcher copy = Serialization.roundTrip(WORDS);
    assertEquals(List.of(), ids(copy.findAll("人民公社还办了各种业余学校和红专学校。")));
    assertEquals(List.of("seed"), ids(copy.findAll("深入实施种业振兴行动")));
  }

  private static final TermMatcher NESTED =
      TermMatcher.of(
          List.of(
              Map.of(
                  "稳中求进", "wzqj",
                  "稳中求进工作总基调", "wzqj-zjd",
                  "总基调", "zjd",
                  "五位一体", "wwyt",
                  "五位一体总体布局", "wwyt",
                  "理念先行", "lnxx",
                  "新发展理念", "xfzln",
                  "十五", "fifteen",
                  "十五五规划", "plan15"),
              Map.of("稳中求进", "kw-wzqj", "稳中求进工作总基调", "kw-wzqj-zjd")),
          0,
          Map.of(0, java.util.Set.of("wzqj", "zjd", "wwyt", "lnxx", "fifteen")));

  @Test
  void nestedIdsAreAlsoReportedInsideAKeptMatch() {
    // 坚持 0-2, 稳中求进工作总基调 2-11 holding 稳中求进 2-6 and 总基调 8-11; then 稳中求进 alone 12-16.
    assertArrayEquals(
        new TermHit[] {
          hit(2, 11, "wzqj-zjd", "稳中求进工作总基调"),
          hit(2, 6, "wzqj", "稳中求进"),
          hit(8, 11, "zjd", "总基调"),
          hit(12, 16, "wzqj", "稳中求进")
        },
        NESTED.findAllByGroup("坚持稳中求进工作总基调，稳中求进。")[0]);
  }

  @Test
  void aGroupWithoutNestingKeepsOnlyTheLongestMatch() {
    assertEquals(
        List.of("kw-wzqj-zjd", "kw-wzqj"), ids(NESTED.findAllByGroup("坚持稳中求进工作总基调，稳中求进。")[1]));
  }

  @Test
  void nestingSkipsTheMatchOwnIdAndOverlapsAndCutNumbers() {
    // 五位一体 is an alias of the same slogan as 五位一体总体布局: one mention, not two.
    assertEquals(List.of("wwyt"), ids(NESTED.findAllByGroup("统筹推进五位一体总体布局")[0]));
    // 理念先行 overlaps 新发展理念 without lying inside it.
    assertEquals(List.of("xfzln"), ids(NESTED.findAllByGroup("新发展理念先行")[0]));
    // 十五 inside 十五五规划 is followed by 五: it cuts a number and is not a nested mention.
    assertEquals(List.of("plan15"), ids(NESTED.findAllByGroup("编制十五五规划")[0]));
  }

  @Test
  void nestingAGroupThatDoesNotExistIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TermMatcher.of(List.of(Map.of("三农", "a")), 0, Map.of(1, java.util.Set.of("a"))));
  }

  @Test
  void onlyTheNamedIdsAreReportedInsideOthers() {
    TermMatcher onlyStem =
        TermMatcher.of(
            List.of(Map.of("高效办成一件事", "gxbc", "一件事", "yjs", "稳中求进", "wzqj", "稳中求进工作总基调", "long")),
            0,
            Map.of(0, java.util.Set.of("wzqj")));
    assertEquals(List.of("gxbc", "long", "wzqj"), ids(onlyStem.findAll("高效办成一件事，稳中求进工作总基调")));
  }
}
