package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tifa.ReferenceData;
import org.tifa.extract.SloganEvidence.Reason;

/** The bundled name screen on quoted names seen in the real documents. */
class NameScreenTest {
  private static final NameScreen SCREEN = ReferenceData.bundled().nameScreen();

  private static Optional<Reason> screen(String key, String surface, double namedShare) {
    return SCREEN.screen(key, List.of(surface), namedShare);
  }

  @Test
  void placesOfTheGazetteerAndAbroad() {
    assertEquals(Optional.of(Reason.PLACE), screen("青山", "青山", 0));
    assertEquals(Optional.of(Reason.PLACE), screen("三江", "三江", 0));
    assertEquals(Optional.of(Reason.PLACE), screen("马来西亚", "马来西亚", 0));
  }

  @Test
  void organisationsHonoursTitlesAndCodes() {
    assertEquals(Optional.of(Reason.ORGANISATION), screen("上海合作组织", "上海合作组织", 0));
    assertEquals(Optional.of(Reason.HONOUR), screen("文华奖", "文华奖", 0));
    assertEquals(Optional.of(Reason.HONOUR), screen("时代楷模", "时代楷模", 0));
    assertEquals(Optional.of(Reason.HONOUR), screen("灯塔工厂", "灯塔工厂", 0));
    // 入选“全国十大考古新发现”: a ranking list.
    assertEquals(Optional.of(Reason.HONOUR), screen("全国十大考古新发现", "全国十大考古新发现", 0));
    assertEquals(
        Optional.of(Reason.TITLE_OF_WORK), screen("关于正确处理人民内部矛盾的问题", "关于正确处理人民内部矛盾的问题", 0));
    // “1·22”: the key drops the middle dot, the written form keeps it.
    assertEquals(Optional.of(Reason.CODE), screen("122", "1·22", 0));
    assertEquals(Optional.of(Reason.CODE), screen("820", "8.20", 0));
  }

  @Test
  void aQuoteMostlyFollowedByAMarkerNamesAThing() {
    // “未来”号: one of its two quotes is followed by 号 (share 0.5, the bundled minimum).
    assertEquals(Optional.of(Reason.NAMED_THING), screen("未来", "未来", 0.5));
    assertEquals(Optional.empty(), screen("未来", "未来", 0.25));
    NameScreen.Rules rules = SloganRules.loadDefault().names();
    assertEquals(true, rules.namesAThing('号', ""));
    assertEquals(false, rules.namesAThing('行', ""));
    // 台风“摩羯”: the word before the opening quotation mark names it too.
    assertEquals(true, rules.namesAThing('、', "登陆我国的最强秋台风"));
    assertEquals(false, rules.namesAThing('活', "开展"));
  }

  @Test
  void serialNamesEventsAndStatistics() {
    assertEquals(Optional.of(Reason.NAMED_THING), screen("渤海2号", "渤海2号", 0));
    assertEquals(Optional.of(Reason.NAMED_THING), screen("辽宁舰", "辽宁舰", 0));
    assertEquals(Optional.of(Reason.NAMED_THING), screen("古埃及文明大展", "古埃及文明大展", 0));
    assertEquals(Optional.of(Reason.HONOUR), screen("最美巾帼奋斗者", "最美巾帼奋斗者", 0));
    assertEquals(Optional.of(Reason.HONOUR), screen("世界美食之都", "世界美食之都", 0));
    assertEquals(Optional.of(Reason.STATISTIC), screen("四连增", "四连增", 0));
    assertEquals(Optional.of(Reason.STATISTIC), screen("十一连增", "十一连增", 0));
    assertEquals(Optional.of(Reason.STATISTIC), screen("双下降", "双下降", 0));
  }

  /** Names quoted once each in the real documents, which the evidence alone would count. */
  @Test
  void areaNicknamesLeaguesSumsAndTitlesAreNames() {
    Map<String, Reason> names =
        Map.of(
            "锰三角", Reason.PLACE,
            "科技创新金三角", Reason.PLACE,
            "世界光谷", Reason.PLACE,
            "黄金内湾", Reason.PLACE,
            "苏超", Reason.NAMED_THING,
            "贵州村超", Reason.NAMED_THING,
            "两个10亿元", Reason.STATISTIC,
            "中国革命战争的战略问题", Reason.TITLE_OF_WORK,
            "抗日时期的经济问题和财政问题", Reason.TITLE_OF_WORK);
    names.forEach((key, reason) -> assertEquals(Optional.of(reason), screen(key, key, 0), key));
  }

  @Test
  void leagueMaxCharsOutOfRangeIsAnError() {
    String yaml = "named_thing_markers: 号\nnamed_thing_min_share: 0.5\nleague_max_chars: 25\n";
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () ->
                new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readValue(yaml, NameScreen.Rules.class));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("league_max_chars must be in [0, 24]"), e.getMessage());
  }

  @Test
  void formulationsPass() {
    for (String key :
        List.of(
            "攻坚突破年政协见行动",
            "十二项提升行动",
            "三亮",
            "5649N",
            "以旧换新",
            "灯塔工程",
            "关于",
            "双碳",
            "双一流",
            "一号工程",
            "十大行动",
            "三农问题",
            "氢走廊",
            "追赶超越",
            "一元")) {
      assertEquals(Optional.empty(), screen(key, key, 0), key);
    }
  }
}
