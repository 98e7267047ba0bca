package org.tifa.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tifa.extract.SloganRules;
import org.tifa.match.TermHit;
import org.tifa.testing.Serialization;

class SloganLexiconTest {

  private static final SloganLexicon LEXICON = SloganLexicon.loadDefault();

  private static SloganLexicon parse(String slogans) {
    return SloganLexicon.load(
        new StringReader("categories: {economy: x, rural: y}\nslogans:\n" + slogans));
  }

  @Test
  void holdsAtLeastThreeHundredNationalFormulations() {
    long national =
        Arrays.stream(LEXICON.entries())
            .filter(e -> !e.category().equals("local_campaign"))
            .count();

    assertTrue(national >= 300, "national entries: " + national);
  }

  @Test
  void everyBundledEntryHasCategoryFirstYearAndSource() {
    List<String> incomplete = new ArrayList<>();
    for (SloganLexicon.Entry e : LEXICON.entries()) {
      if (e.category() == null || e.firstYear() == null || e.source() == null) {
        incomplete.add(e.term());
      }
    }
    assertEquals(List.of(), incomplete);
  }

  @Test
  void firstYearsOfTextbookFormulations() {
    // 五位一体 and 美丽中国: the 18th party congress report (2012); 新发展理念: the fifth plenum of
    // the 18th central committee (2015); 具身智能: the 2025 government work report.
    assertEquals(2012, LEXICON.entry("五位一体").firstYear());
    assertEquals(2012, LEXICON.entry("美丽中国").firstYear());
    assertEquals(2015, LEXICON.entry("新发展理念").firstYear());
    assertEquals("十八届五中全会", LEXICON.entry("新发展理念").source());
    assertEquals(2025, LEXICON.entry("具身智能").firstYear());
  }

  @Test
  void holdsTheSlogansTheBriefNames() {
    String[] required = {
      "新质生产力",
      "高质量发展",
      "乡村振兴",
      "两个确立",
      "两个维护",
      "四个意识",
      "四个自信",
      "五位一体",
      "四个全面",
      "一带一路",
      "放管服",
      "六稳",
      "六保",
      "三农",
      "十四五",
      "十五五",
      "高效办成一件事",
      "共同富裕",
      "碳达峰碳中和",
      "绿水青山就是金山银山",
      "枫桥经验",
      "最多跑一次",
      "千万工程",
      "四下基层",
      "专精特新",
      "双循环",
      "新发展格局",
      "全过程人民民主",
      "中国式现代化",
      "三去一降一补",
      "河长制",
      "林长制",
      "一网通办",
      "一网统管",
      "接诉即办",
      "三会一课",
      "不忘初心牢记使命",
      "攻坚突破年",
      "攻坚突破年政协见行动",
      "十二项提升行动",
      "三亮",
      "稳中求进工作总基调",
      "新发展理念",
      "全国统一大市场",
      "铸牢中华民族共同体意识",
      "过紧日子",
      "低空经济",
      "银发经济",
      "具身智能",
      "人工智能+"
    };
    List<String> missing = new ArrayList<>();
    for (String key : required) {
      if (LEXICON.entry(key) == null) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void abbreviationsResolveToTheirEntry() {
    assertEquals("绿水青山就是金山银山", LEXICON.keyOf("两山"));
    assertEquals("碳达峰碳中和", LEXICON.keyOf("双碳"));
    assertEquals("攻坚突破年政协见行动", LEXICON.keyOf("攻坚突破年、政协见行动"));
    assertNull(LEXICON.keyOf("发展"));
  }

  @Test
  void entryKeepsItsDisplayForm() {
    SloganLexicon.Entry e = LEXICON.entry("攻坚突破年政协见行动");

    assertEquals("攻坚突破年 政协见行动", e.term());
    assertEquals("local_campaign", e.category());
  }

  @Test
  void everyTermAndAliasPassesTheSloganRules() {
    SloganRules rules = SloganRules.loadDefault();
    List<String> failing = new ArrayList<>();
    for (SloganLexicon.Entry e : LEXICON.entries()) {
      if (!rules.isSlogan(e.term())) {
        failing.add(e.term() + " " + rules.rejection(e.term()).orElseThrow());
      }
      for (String alias : e.aliases()) {
        if (!rules.isSlogan(alias)) {
          failing.add(alias + " " + rules.rejection(alias).orElseThrow());
        }
      }
    }
    assertEquals(List.of(), failing);
  }

  @Test
  void everyDeclaredCategoryIsUsed() {
    Set<String> used =
        Arrays.stream(LEXICON.entries())
            .map(SloganLexicon.Entry::category)
            .collect(Collectors.toSet());

    assertEquals(Set.of(LEXICON.categories()), used);
  }

  @Test
  void matcherCountsUnquotedOccurrencesUnderEntryKeys() {
    String text = "践行两山理论，推进碳达峰、碳中和，开展攻坚突破年、政协见行动，抓好两新组织党建和两新工作。";
    String[] ids =
        Arrays.stream(LEXICON.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(new String[] {"绿水青山就是金山银山", "碳达峰碳中和", "攻坚突破年政协见行动", "两新组织", "两新"}, ids);
  }

  @Test
  void aNestedFormulationIsCountedAsTheLongerOne() {
    String text = "坚持稳中求进工作总基调，做到稳中求进。";
    String[] ids =
        Arrays.stream(LEXICON.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(new String[] {"稳中求进工作总基调", "稳中求进"}, ids);
  }

  @Test
  void aFixedPhrasingIsItsOwnEntryAroundTheShorterOne() {
    // From the 2025 government work report. The fixed phrasing has its own key; the shorter entry
    // 以习近平同志为核心的党中央 inside it is not the match the matcher reports.
    String text = "在以习近平同志为核心的党中央坚强领导下，全国上下聚力攻坚。";
    String[] ids =
        Arrays.stream(LEXICON.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(new String[] {"在以习近平同志为核心的党中央坚强领导下"}, ids);
    assertNotNull(LEXICON.entry("以习近平同志为核心的党中央"));
  }

  @Test
  void theBalancesOfThe2024EconomicWorkConferenceAreEachCounted() {
    // From the 2025 government work report: five pairs, of which 总供给和总需求 is too generic to be
    // an entry and 有效市场和有为政府 was one before.
    String text = "必须统筹好有效市场和有为政府、总供给和总需求、培育新动能和更新旧动能、做优增量和盘活存量、提升质量和做大总量的关系。";
    String[] ids =
        Arrays.stream(LEXICON.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(new String[] {"有效市场和有为政府", "培育新动能和更新旧动能", "做优增量和盘活存量", "提升质量和做大总量"}, ids);
  }

  @Test
  void aFormulationWrittenWithQuotationMarksAroundPartOfItIsCountedWhole() {
    // From the 2024 and 2025 government work reports: the quoted part alone is not an entry.
    String text = "持续打造“投资中国”品牌。兜牢基层“三保”底线。扎实推进“两重”建设。";
    String[] ids =
        Arrays.stream(LEXICON.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(new String[] {"投资中国品牌", "基层三保", "两重建设"}, ids);
    assertNull(LEXICON.keyOf("三保"));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    SloganLexicon copy = Serialization.roundTrip(LEXICON);

    assertEquals(LEXICON.size(), copy.size());
    assertEquals("三农", copy.matcher().findAll("做好三农工作")[0].id());
  }

  @Test
  void aliasClaimedByTwoEntriesIsAnError() {
    String yaml =
        "  - {term: 双碳, category: economy}\n  - {term: 碳达峰碳中和, aliases: [双 碳], category: economy}\n";

    assertThrows(IllegalArgumentException.class, () -> parse(yaml));
  }

  @Test
  void undeclaredCategoryIsAnError() {
    assertThrows(
        IllegalArgumentException.class, () -> parse("  - {term: 三农, category: farming}\n"));
  }

  @Test
  void missingTermIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> parse("  - {category: rural}\n"));
  }

  @Test
  void unknownFieldIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("  - {term: 三农, category: rural, alias: [x]}\n"));
  }

  @Test
  void minimalEntryLoads() {
    SloganLexicon one = parse("  - {term: 三农, category: rural}\n");

    assertEquals(1, one.size());
    assertNotNull(one.entry("三农"));
    assertEquals(0, one.entry("三农").aliases().length);
    assertNull(one.entry("三农").firstYear());
    assertNull(one.entry("三农").source());
  }

  @Test
  void firstYearAndSourceAreRead() {
    SloganLexicon one =
        parse("  - {term: 三农, category: rural, first_year: 2003, source: 2003 政府工作报告}\n");

    assertEquals(2003, one.entry("三农").firstYear());
    assertEquals("2003 政府工作报告", one.entry("三农").source());
  }

  @Test
  void firstYearsAtTheEndsOfTheRangeLoad() {
    assertEquals(
        1949, parse("  - {term: 三农, category: rural, first_year: 1949}\n").entry("三农").firstYear());
    assertEquals(
        2026, parse("  - {term: 三农, category: rural, first_year: 2026}\n").entry("三农").firstYear());
  }

  @Test
  void firstYearOutsideTheRangeIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("  - {term: 三农, category: rural, first_year: 1948}\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("  - {term: 三农, category: rural, first_year: 2027}\n"));
  }

  @Test
  void firstYearThatIsNotAWholeNumberIsAnError() {
    for (String year : new String[] {"2003.5", "'2003'", "二〇〇三", "[2003]"}) {
      String yaml = "  - {term: 三农, category: rural, first_year: " + year + "}\n";

      assertThrows(IllegalArgumentException.class, () -> parse(yaml), year);
    }
  }

  @Test
  void blankSourceIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse("  - {term: 三农, category: rural, source: ' '}\n"));
  }
}
