package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tifa.match.TermMatcher;

class SloganExtractorTest {

  private static final SloganExtractor EXTRACTOR = SloganExtractor.loadDefault();

  @Test
  void titleAndBodyCandidatesWithPositions() {
    String title = "关于开展“三亮”活动的通知";
    String body = "会上说：“开展‘攻坚突破年 政协见行动’主题实践活动，是今年的重点。”要把“一把手”责任压实。";

    SloganCandidate[] found = EXTRACTOR.extract(title, body);

    assertArrayEquals(
        new SloganCandidate[] {
          new SloganCandidate("三亮", "三亮", true, 5, 7, 0, false),
          new SloganCandidate("攻坚突破年政协见行动", "攻坚突破年 政协见行动", false, 8, 19, 1, false)
        },
        found);
  }

  @Test
  void aQuotationNamesAThingByTheCharacterAfterItOrTheWordBeforeIt() {
    // Real sentences (../shared/data/real): a national report's typhoon, a provincial report's
    // reporter's phrase for three typhoons; then a ship, and a formulation for contrast.
    String body = "有效应对1949年以来登陆我国的最强秋台风“摩羯”、万泉河流域特大洪水。" + "“未来”号下水。抗御台风“三连击”。开展“三亮”活动。";

    SloganCandidate[] found = EXTRACTOR.extract(null, body);

    assertArrayEquals(
        new String[] {"摩羯", "未来", "三连击", "三亮"},
        java.util.Arrays.stream(found).map(SloganCandidate::key).toArray(String[]::new));
    assertArrayEquals(
        new boolean[] {true, true, true, false},
        new boolean[] {found[0].named(), found[1].named(), found[2].named(), found[3].named()});
  }

  @Test
  void aQuotedWordOfTheSafetyCampaignIsPartOfItsLexiconForm() {
    // Real sentences of 2026 provincial reports: “一件事” inside “一件事”全链条整治 (a lexicon form)
    // is no candidate of its own; quoted alone, it still is.
    assertEquals(0, EXTRACTOR.extract(null, "持续深化“一件事”全链条整治，突出重点行业领域。").length);
    assertEquals(0, EXTRACTOR.extract(null, "旅游等重点领域，深化“一件事”全链条专项整治。").length);
    assertArrayEquals(new String[] {"一件事"}, EXTRACTOR.candidates(null, "推进社会救助“一件事”。"));
  }

  @Test
  void candidatesAreDistinctKeysInOrderOfFirstOccurrence() {
    String body = "推进“十四五”规划，落实“攻坚突破年、政协见行动”和“十四五”目标，“攻坚突破年 政协见行动”。";

    assertArrayEquals(new String[] {"十四五", "攻坚突破年政协见行动"}, EXTRACTOR.candidates(null, body));
    assertEquals(4, EXTRACTOR.extract(null, body).length);
  }

  @Test
  void documentWithoutQuotesHasNoCandidates() {
    assertEquals(0, EXTRACTOR.candidates("工作报告", "全面推进乡村振兴。").length);
  }

  private static final SloganExtractor WITH_FORMS =
      new SloganExtractor(
          SloganRules.loadDefault(),
          TermMatcher.of(java.util.Map.of("高效办成一件事", "gxbc", "既放得活又管得好", "fh", "消费品以旧换新", "yjhx")));

  @Test
  void aQuotationThatCutsALexiconFormIsNoCandidate() {
    assertEquals(0, WITH_FORMS.extract(null, "深化高效办成“一件事”改革，做到既“放得活”又“管得好”。").length);
    // Quoted on its own, the same words are a candidate; so is 以旧换新 outside 消费品以旧换新.
    assertArrayEquals(
        new String[] {"一件事", "以旧换新"},
        WITH_FORMS.candidates(null, "推行“一件事”一次办，开展“以旧换新”，推动消费品“以旧换新”。"));
    assertEquals(2, WITH_FORMS.extract(null, "推行“一件事”一次办，开展“以旧换新”，推动消费品“以旧换新”。").length);
  }

  @Test
  void withoutALexiconEveryQuotationThatPassesTheRulesIsACandidate() {
    SloganExtractor rulesOnly = new SloganExtractor(SloganRules.loadDefault(), null);
    assertArrayEquals(new String[] {"一件事"}, rulesOnly.candidates(null, "深化高效办成“一件事”改革。"));
  }
}
