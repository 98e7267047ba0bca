package org.tifa.resolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tifa.reference.Gazetteer;

class RegionResolverTest {
  private static final RegionResolver RESOLVER = new RegionResolver(Gazetteer.loadDefault());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          given code                       |371500|      |        |      |                                |                                      |371500|prefecture|given
          given old code of 莱芜市          |371200|      |        |      |                                |                                      |370100|prefecture|given
          unknown code falls back to text  |999999|      |        |      |聊城市政协召开常委会议                |                                      |371500|prefecture|text
          given province short form        |      |山东   |        |      |                                |                                      |370000|province  |given
          given Traditional province       |      |山東省 |        |      |                                |                                      |370000|province  |given
          given Traditional Taiwan         |      |臺灣   |        |      |                                |                                      |710000|province  |given
          given Hong Kong                  |      |香港   |        |      |                                |                                      |810000|province  |given
          given city without suffix        |      |      |聊城     |      |                                |                                      |371500|prefecture|given
          given municipality as city       |      |      |北京市   |      |                                |                                      |110000|province  |given
          given 鼓楼区 in 福建              |      |福建省 |        |鼓楼区 |                                |                                      |350102|county    |given
          given 鼓楼区 in 南京              |      |江苏省 |南京市   |鼓楼区 |                                |                                      |320106|county    |given
          given 鼓楼区 in 徐州              |      |      |徐州     |鼓楼区 |                                |                                      |320302|county    |given
          given county without suffix      |      |      |聊城市   |临清   |                                |                                      |371581|county    |given
          given 莱芜区                      |      |山东省 |济南市   |莱芜区 |                                |                                      |370116|county    |given
          given 鼓楼区 alone is ambiguous   |      |      |        |鼓楼区 |鼓楼区召开会议                       |                                      |      |          |none
          unmatched given uses the text    |      |火星省 |        |      |临清市人民政府召开常务会议            |                                      |371581|county    |text
          province and city chain          |      |      |        |      |山东省聊城市政协召开十二届常委会       |                                      |371500|prefecture|text
          prefecture and county chain      |      |      |        |      |聊城市临清市召开经济工作会议           |                                      |371581|county    |text
          county-level city with 政府      |      |      |        |      |临清市人民政府关于城区规划的通知      |                                      |371581|county    |text
          short county stem chained        |      |      |        |      |聊城临清推进产业升级                  |                                      |371581|county    |text
          short county stem alone          |      |      |        |      |临清召开全市经济工作会议              |                                      |      |          |none
          鼓楼区 chained after 福州         |      |      |        |      |福州市鼓楼区推进老旧小区改造          |                                      |350102|county    |text
          鼓楼区 chained after 南京         |      |      |        |      |南京市鼓楼区政协召开全会              |                                      |320106|county    |text
          鼓楼区 with no parent            |      |      |        |      |鼓楼区政协召开全会                   |会议审议了工作报告。                      |      |          |none
          鼓楼区 refined by the lead        |      |      |        |      |鼓楼区政协召开全会                   |近日，福州市鼓楼区政协召开全体会议。         |350102|county    |text
          朝阳区 of Beijing                 |      |      |        |      |朝阳区政协召开全会                   |北京市朝阳区政协十五届二次会议开幕。         |110105|county    |text
          朝阳市 full name                  |      |      |        |      |朝阳市政协召开常委会议                |                                      |211300|prefecture|text
          朝阳 as a word                    |      |      |        |      |大力发展朝阳产业                     |培育新兴产业和朝阳产业。                   |      |          |none
          市中区 of 济南                    |      |      |        |      |济南市市中区召开会议                  |                                      |370103|county    |text
          市中区 of 枣庄                    |      |      |        |      |枣庄市市中区政协召开常委会            |                                      |370402|county    |text
          莱芜区 today                      |      |      |        |      |莱芜区政协召开全会                   |                                      |370116|county    |text
          former 莱芜市                     |      |      |        |      |莱芜市政协召开全会                   |                                      |370116|county    |text
          destination after 赴              |      |      |        |      |聊城市考察团赴苏州市学习考察          |                                      |371500|prefecture|text
          destination after 前往            |      |      |        |      |临清市党政代表团前往义乌市考察        |                                      |371581|county    |text
          partner after 与                  |      |      |        |      |济南市与聊城市签署合作协议            |                                      |370100|prefecture|text
          融入 names a target               |      |      |        |      |德州市主动融入济南都市圈              |                                      |371400|prefecture|text
          学习借鉴 names a model            |      |      |        |      |菏泽市学习借鉴苏州经验               |                                      |371700|prefecture|text
          two cities named equally         |      |      |        |      |济南市青岛市联合召开推介会            |                                      |370000|province  |text
          national report                  |      |      |        |      |2016年国务院政府工作报告             |各位代表：北京、上海、广东、山东等地加快发展。 |      |          |none
          共和 inside the country's name    |      |      |        |      |中华人民共和国成立七十周年            |青海各族群众热烈庆祝。                     |      |          |none
          no place at all                  |      |      |        |      |关于加强基层治理的意见               |各地要切实加强组织领导。                   |      |          |none
          person name 周永康                |      |      |        |      |中共中央决定给予周永康开除党籍处分     |                                      |      |          |none
          Hong Kong in text                |      |      |        |      |香港特区政府公布施政报告              |                                      |810000|province  |text
          Macao in text                    |      |      |        |      |澳门特别行政区政府发布年度报告        |                                      |820000|province  |text
          provincial work report           |      |      |        |      |2026年山东省政府工作报告             |济南、青岛、烟台经济总量稳步增长。山东省各地。 |370000|province  |text
          Beijing district                 |      |      |        |      |北京市海淀区政协召开会议              |                                      |110108|county    |text
          municipality itself              |      |      |        |      |上海市政协十四届常委会召开            |                                      |310000|province  |text
          autonomous prefecture 延边        |      |      |        |      |延边州政协召开常委会议                |                                      |222400|prefecture|text
          autonomous prefecture 恩施州      |      |      |        |      |恩施州人民政府召开常务会议            |                                      |422800|prefecture|text
          autonomous prefecture 黔东南州    |      |      |        |      |黔东南州推进乡村振兴                 |                                      |522600|prefecture|text
          autonomous prefecture 湘西州      |      |      |        |      |湘西州政协召开全会                   |                                      |433100|prefecture|text
          province short form              |      |      |        |      |山东召开全省政协工作会议              |                                      |370000|province  |text
          three-level chain                |      |      |        |      |内蒙古自治区包头市石拐区政府原副区长接受审查 |                                   |150205|county    |text
          biography does not decide        |      |      |        |      |内蒙古自治区发展和改革委员会副主任接受审查 |简历：1990年至1995年，赤峰市巴林左旗公安局民警。赤峰市公安局科员。|150000|province|text
          市场 after a city name           |      |      |        |      |聊城市场监管局开展专项检查            |                                      |371500|prefecture|text
          区域 after a province name       |      |      |        |      |海南区域协调发展新格局               |                                      |460000|province  |text
          old name 襄樊市                   |      |      |        |      |襄樊市政协召开全会                   |                                      |420600|prefecture|text
          old league name 伊克昭盟          |      |      |        |      |伊克昭盟召开牧区工作会议              |                                      |150600|prefecture|text
          county-level city under province |      |      |        |      |仙桃市政协召开常委会议                |                                      |429004|county    |text
          province report: 振兴 in 东北全面振兴 |   |      |        |      |2026年辽宁省政府工作报告             |再次亲临辽宁考察，赋予我们“在推动新时代东北全面振兴取得新突破上勇于争先”|210000|province|text
          振兴 after its province is a word |      |      |        |      |认真学习贯彻习近平总书记对辽宁振兴发展的重要讲话 |                               |210000|province  |text
          province report: capital in lead |      |      |        |      |2026年黑龙江省政府工作报告           |习近平总书记再次亲临龙江视察，出席哈尔滨第九届亚冬会开幕式并宣布开幕|230000|province|text
          province report: 林芝 in lead     |      |      |        |      |2026年西藏自治区政府工作报告         |习近平总书记再次亲临西藏视察，给林芝市嘎拉村全体村民回信|540000|province|text
          province report: 银川 in lead     |      |      |        |      |2026年宁夏回族自治区政府工作报告     |2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。|640000|province|text
          congress header of a report      |      |      |        |      |政府工作报告                        |——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上。2月3日，会议在银川开幕。|640000|province|text
          city report keeps its city       |      |      |        |      |2026年聊城市政府工作报告             |——在聊城市第十九届人民代表大会第五次会议上|371500|prefecture|text
          dateline is not the subject      |      |      |        |      |刘铁男严重违纪违法被开除党籍和公职    |新华网北京８月８日电　日前，中共中央纪委对国家发展和改革委员会原党组成员、副主任刘铁男严重违纪违法问题进行了立案检查。|      |          |none
          central organ 中央台办            |      |      |        |      |中央台湾工作办公室原副主任、国务院台湾事务办公室原副主任龚清概严重违纪被开除党籍|             |      |          |none
          central organ 国家发改委          |      |      |        |      |国家发展改革委原副主任刘铁男严重违纪违法被开除党籍和公职|新华网北京８月８日电　日前，中共中央纪委对国家发展和改革委员会原党组成员、副主任刘铁男严重违纪违法问题进行了立案检查。|      |          |none
          central enterprise 武钢            |      |      |        |      |武钢集团原党委书记、董事长邓崎琳被开除党籍|武汉钢铁（集团）公司原党委书记、董事长邓崎琳严重违纪被开除党籍|      |          |none
          central enterprise 香港中旅        |      |      |        |      |香港中旅(集团)有限公司原党委副书记、副董事长、总经理王帅廷被开除党籍|                |      |          |none
          central enterprise 中石油          |      |      |        |      |中石油集团原副总经理、党组成员王永春严重违纪违法被开除党籍|中国石油天然气集团公司原副总经理、党组成员兼大庆油田有限责任公司原总经理、党委副书记王永春|      |          |none
          post names the region            |      |      |        |      |中共中央决定给予孙政才开除党籍、开除公职处分|2017年7月14日，中央决定将孙政才调离重庆市委书记岗位，由中央纪委对其进行纪律审查、开展组织谈话。|500000|province|text
          provincial standing committee    |      |      |        |      |广东省委原常委、珠海市委原书记李嘉严重违纪被开除党籍和公职|                             |440000|province  |text
          deciding organ is the sender     |      |      |        |      |内蒙古自治区党委决定给予赵向红开除党籍处分、开除公职处分|日前，经内蒙古自治区党委批准，内蒙古自治区纪委监委对乌兰察布市人大常委会原副主任……赵向红涉嫌严重违纪违法问题进行了纪律审查和监察调查。|150900|prefecture|text
          own province without its name    |      |      |        |      |自治区发展和改革委员会调研员曲茂华接受监察调查|自治区发展和改革委员会调研员曲茂华涉嫌严重违法，正在接受通辽市扎鲁特旗监委监察调查。|150000|province|text
          """)
  void resolves(
      String description,
      String code,
      String province,
      String city,
      String county,
      String title,
      String body,
      String expectedCode,
      String expectedLevel,
      String expectedMethod) {
    RegionResolution r = RESOLVER.resolve(code, province, city, county, title, body);
    assertEquals(
        expectedCode, r.code(), () -> description + " " + java.util.Arrays.toString(r.evidence()));
    assertEquals(expectedLevel, r.level(), description);
    assertEquals(expectedMethod, r.method(), description);
  }

  @Test
  void unknownGivenCodeIsRecorded() {
    RegionResolution r = RESOLVER.resolve("999999", null, null, null, "聊城市政协召开常委会议", "");
    assertEquals("region_code=999999", r.givenUnmatched());
  }

  @Test
  void unmatchedCountyKeepsTheMatchedCity() {
    RegionResolution r = RESOLVER.resolve(null, null, "聊城市", "不存在县", null, null);
    assertEquals("371500", r.code());
    assertEquals("given", r.method());
    assertEquals("county=不存在县", r.givenUnmatched());
  }

  @Test
  void anUnknownGivenCityLetsTheTextNarrowTheGivenProvince() {
    RegionResolution r =
        RESOLVER.resolve(null, "辽宁省", "光明市", null, "朝阳市召开重点项目签约活动", "朝阳市2024年重点项目集中签约。");
    assertEquals("211300", r.code());
    assertEquals("text", r.method());
    assertEquals("city=光明市", r.givenUnmatched());
  }

  @Test
  void textOutsideTheGivenProvinceDoesNotOverrideIt() {
    RegionResolution r = RESOLVER.resolve(null, "辽宁省", "光明市", null, "聊城市政协召开常委会议", "聊城市政协召开常委会议。");
    assertEquals("210000", r.code());
    assertEquals("given", r.method());
  }

  @Test
  void aTitleNamingAnotherCityOfTheGivenProvinceWinsOverTheGivenCity() {
    RegionResolution r =
        RESOLVER.resolve(
            null,
            "内蒙古自治区",
            "通辽市",
            null,
            "新巴尔虎右旗农村信用合作联社党支部书记、理事长郭玉红正在接受纪律审查和监察调查",
            "内蒙古自治区呼伦贝尔市新巴尔虎右旗农村信用合作联社党支部书记、理事长郭玉红涉嫌严重违纪违法，" + "目前正在接受通辽市科尔沁左翼后旗纪委监委纪律审查和监察调查。");
    // 150727 新巴尔虎右旗 in 150700 呼伦贝尔市; the publisher's city 150500 通辽市 is overruled.
    assertEquals("150727", r.code());
    assertEquals("text", r.method());
    assertEquals("150727", r.textRegionCode());
    assertEquals("text_over_given:title_names_another_in_province", r.basis());
  }

  @Test
  void anotherCityNamedOnlyInTheBodyLeavesTheGivenCity() {
    RegionResolution r =
        RESOLVER.resolve(null, "内蒙古自治区", "通辽市", null, "全市经济工作会议召开", "呼伦贝尔市政协召开常委会议。");
    assertEquals("150500", r.code());
    assertEquals("given", r.method());
    assertEquals("150700", r.textRegionCode());
    assertEquals("given_over_text:text_not_in_title", r.basis());
  }

  @Test
  void aTitleInAnotherProvinceLeavesTheGivenProvince() {
    RegionResolution r = RESOLVER.resolve(null, "辽宁省", null, null, "聊城市政协召开常委会议", "");
    assertEquals("210000", r.code());
    assertEquals("371500", r.textRegionCode());
    assertEquals("given_over_text:text_in_another_province", r.basis());
  }

  @Test
  void aTitleNamingADivisionInsideTheGivenProvinceNarrowsIt() {
    RegionResolution r =
        RESOLVER.resolve(null, "内蒙古自治区", null, null, "包头市石拐区政府原副区长、公安分局原党委书记、局长翟晓扬接受纪律审查和监察调查", "");
    // 150205 石拐区 in 150200 包头市, 内蒙古自治区.
    assertEquals("150205", r.code());
    assertEquals("text", r.method());
    assertEquals("text_within_given:title_names_it", r.basis());
  }

  @Test
  void aDivisionInsideTheGivenProvinceNamedOnlyInTheBodyLeavesTheProvince() {
    RegionResolution r = RESOLVER.resolve(null, "山东省", null, null, "全省经济工作会议召开", "聊城市政协召开常委会议。");
    assertEquals("370000", r.code());
    assertEquals("371500", r.textRegionCode());
    assertEquals("given", r.basis());
  }

  @Test
  void withoutGivenFieldsTheTextReadingIsTheChoice() {
    RegionResolution r = RESOLVER.resolve(null, null, null, null, "聊城市政协召开常委会议", "");
    assertEquals("371500", r.textRegionCode());
    assertEquals("text", r.basis());
    RegionResolution none = RESOLVER.resolve(null, null, null, null, "关于加强基层治理的意见", "");
    assertNull(none.textRegionCode());
    assertEquals("none", none.basis());
  }

  @Test
  void unmatchedGivenCityNarrowedByTheTextSaysSo() {
    RegionResolution r = RESOLVER.resolve(null, "辽宁省", "光明市", null, "朝阳市召开重点项目签约活动", "");
    assertEquals("211300", r.code());
    assertEquals("text_within_given:given_partly_unmatched", r.basis());
  }

  @Test
  void ambiguousStemsThatAreCommonWordsAreNotPlaces() {
    Gazetteer g = Gazetteer.loadDefault();
    // 振兴 (to revitalize) is the stem of 210603 振兴区; 临清 is only the stem of 371581 临清市.
    assertTrue(RegionResolver.isWordForm("振兴", g.lookup("振兴")));
    assertFalse(RegionResolver.isWordForm("临清", g.lookup("临清")));
    assertFalse(RegionResolver.isWordForm("振兴区", g.lookup("振兴区")));
    assertFalse(RegionResolver.isWordForm("北京", g.lookup("北京")));
  }

  @Test
  void countyResultCarriesTheWholeChain() {
    RegionResolution r = RESOLVER.resolve(null, null, null, null, "莱芜区政协召开全会", "");
    assertEquals("370000", r.provinceCode());
    assertEquals("山东省", r.provinceName());
    assertEquals("370100", r.prefectureCode());
    assertEquals("济南市", r.prefectureName());
    assertEquals("370116", r.countyCode());
    assertEquals("莱芜区", r.countyName());
    assertArrayEquals(new String[] {"莱芜区"}, r.evidence());
    assertTrue(r.confidence() > 0 && r.confidence() <= 1, "confidence " + r.confidence());
  }

  @Test
  void noneHasNoRegionAndZeroConfidence() {
    RegionResolution r = RESOLVER.resolve(null, null, null, null, "关于加强基层治理的意见", "");
    assertNull(r.provinceCode());
    assertEquals(0.0, r.confidence());
    assertEquals(0, r.evidence().length);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(RESOLVER);
    }
    RegionResolver copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RegionResolver) in.readObject();
    }
    assertEquals("371581", copy.resolve(null, null, null, null, "临清市政协召开全会", "").code());
  }
}
