package org.tifa.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tifa.match.TermHit;
import org.tifa.testing.Serialization;

class TaxonomyTest {

  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();

  private static Taxonomy parse(String topics) {
    return Taxonomy.load(new StringReader("categories: {social: x}\ntopics:\n" + topics));
  }

  private static String topic(String id, String keywords) {
    return "  - {id: "
        + id
        + ", label_zh: 甲, label_en: A, category: social, keywords: ["
        + keywords
        + "]}\n";
  }

  @Test
  void holdsAtLeastTwentyFiveTopicsOfAtLeastEightKeywords() {
    assertTrue(TAXONOMY.size() >= 25, "topics: " + TAXONOMY.size());
    List<String> thin = new ArrayList<>();
    for (Taxonomy.Topic t : TAXONOMY.topics()) {
      if (t.keywords().length < 8) {
        thin.add(t.id());
      }
    }
    assertEquals(List.of(), thin);
  }

  @Test
  void coversTheSubjectsLocalReportsTalkAbout() {
    for (String id :
        List.of(
            "party_building",
            "consultative_democracy",
            "innovation",
            "regional_integration",
            "investment_promotion",
            "business_environment",
            "rural_revitalization",
            "ecology_environment",
            "culture_tourism",
            "education",
            "health",
            "employment",
            "elderly_care",
            "safety_production",
            "digital_government",
            "anti_corruption",
            "urban_renewal",
            "transportation",
            "water_conservancy",
            "manufacturing",
            "agriculture",
            "social_security",
            "housing",
            "united_front_ethnic_religion",
            "military_civilian",
            "grassroots_governance",
            "finance_debt",
            "energy_carbon",
            "talent",
            "rule_of_law")) {
      assertTrue(TAXONOMY.topic(id) != null, id);
    }
  }

  @Test
  void everyDeclaredCategoryIsUsed() {
    Set<String> used =
        Arrays.stream(TAXONOMY.topics()).map(Taxonomy.Topic::category).collect(Collectors.toSet());

    assertEquals(Set.of(TAXONOMY.categories()), used);
  }

  @Test
  void matcherReportsTopicIds() {
    String text = "推进老旧小区改造和城中村改造，狠抓安全生产，做好政协提案办理。";
    String[] ids =
        Arrays.stream(TAXONOMY.matcher().findAll(text)).map(TermHit::id).toArray(String[]::new);

    assertArrayEquals(
        new String[] {
          "urban_renewal", "urban_renewal", "safety_production", "consultative_democracy"
        },
        ids);
  }

  private static List<String> topicsIn(String text) {
    return Arrays.stream(TAXONOMY.matcher().findAll(text)).map(TermHit::id).toList();
  }

  @Test
  void officesInOfficialsCvsAreNotTheCongressOrPartyBuilding() {
    // Discipline notices (nmg-0004, ccdi-0028, nmg-0012): a post held is not the topic's work.
    assertEquals(
        List.of("anti_corruption"),
        topicsIn("内蒙古自治区纪委监委对乌兰察布市人大常委会原副主任、察右中旗原旗委书记赵向红涉嫌严重违纪违法问题进行了"));
    assertEquals(List.of(), topicsIn("十一届全国人大代表，江苏省十二届人大代表。（简历摘自正义网）"));
    assertEquals(List.of(), topicsIn("供销合作社联合社党组书记、理事会主任（正厅级），内蒙古自治区人大常委会委员。"));
  }

  @Test
  void theCongresssWorkInTheReportsIsTheCongress() {
    // 2026 provincial reports: bills put to the standing committee, deputies' suggestions handled.
    assertEquals(List.of("people_congress", "people_congress"), topicsIn("提请省人大常委会审议地方性法规"));
    assertEquals(List.of("people_congress"), topicsIn("办理省人大代表建议1401件"));
  }

  @Test
  void talentIsNamedByTalentInAnyCompound() {
    // 2026 Yunnan report, which says 人才 8 times and none of 人才引进, 高层次人才, 青年人才 ...
    assertEquals(List.of("talent"), topicsIn("加强创新人才队伍建设。"));
    assertEquals(List.of("talent"), topicsIn("鼓励青年科技人才创新创业。"));
    assertEquals(List.of("talent"), topicsIn("推进人才评价改革。"));
    assertEquals(List.of("talent", "talent"), topicsIn("新增7名“两院”院士，技能人才总量超696万"));
  }

  @Test
  void longerKeywordOfAnotherTopicWins() {
    TermHit[] hits = TAXONOMY.matcher().findAll("高校毕业生就业");

    assertEquals("employment", hits[0].id());
    assertEquals("高校毕业生", hits[0].surface());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    Taxonomy copy = Serialization.roundTrip(TAXONOMY);

    assertEquals("health", copy.matcher().findAll("建设紧密型医共体")[0].id());
  }

  @Test
  void keywordSharedByTwoTopicsIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse(topic("a_topic", "养老服务, 低保") + topic("b_topic", "低 保")));
  }

  @Test
  void singleCharacterKeywordIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> parse(topic("a_topic", "养老服务, 老")));
  }

  @Test
  void duplicateIdIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> parse(topic("a_topic", "养老服务") + topic("a_topic", "低保")));
  }

  @Test
  void nonSnakeCaseIdIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> parse(topic("ElderlyCare", "养老服务")));
  }

  @Test
  void undeclaredCategoryIsAnError() {
    String yaml = "  - {id: a, label_zh: 甲, label_en: A, category: other, keywords: [养老服务]}\n";

    assertThrows(IllegalArgumentException.class, () -> parse(yaml));
  }

  @Test
  void minimalTopicLoads() {
    Taxonomy one = parse(topic("elderly_care", "养老服务, 居家养老"));

    assertEquals(1, one.size());
    assertArrayEquals(new String[] {"养老服务", "居家养老"}, one.topic("elderly_care").keywords());
  }
}
