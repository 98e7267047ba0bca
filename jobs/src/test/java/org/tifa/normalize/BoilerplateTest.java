package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoilerplateTest {
  private static final TextNormalizer DEFAULTS = TextNormalizer.defaults();

  @Test
  void sourceHeaderFillsAMissingSource() {
    NormalizedDoc doc = DEFAULTS.normalizeDocument("报告", "来源：解放日报\n时间：2026-02-09\n正文", null);
    assertEquals("解放日报", doc.source());
    assertEquals("正文", doc.body());
    assertEquals(2, doc.linesDropped());
  }

  @Test
  void sourceAndTimeOnOneLine() {
    NormalizedDoc doc = DEFAULTS.normalizeDocument(null, "来源: 人民网 时间：2024-03-05\n正文", "");
    assertEquals("人民网", doc.source());
    assertEquals("正文", doc.body());
  }

  @Test
  void recordSourceWinsOverHeader() {
    NormalizedDoc doc = DEFAULTS.normalizeDocument(null, "来源：解放日报\n正文", "上海市人民政府");
    assertEquals("上海市人民政府", doc.source());
    assertEquals("正文", doc.body());
  }

  @Test
  void firstSourceHeaderWins() {
    NormalizedDoc doc = DEFAULTS.normalizeDocument(null, "来源：新华社\n正文\n来源：人民日报", null);
    assertEquals("新华社", doc.source());
    assertEquals("正文", doc.body());
  }

  @Test
  void originalTitleIsLifted() {
    NormalizedDoc doc = DEFAULTS.normalizeDocument("转载标题", "【原标题：攻坚突破年 政协见行动】\n正文", null);
    assertEquals("攻坚突破年 政协见行动", doc.originalTitle());
    assertEquals("正文", doc.body());
    assertNull(doc.source());
  }

  @Test
  void footerAndRepeatedHeaderLinesAreDropped() {
    String body = "市政协召开十四届常委会议\n会议强调，要聚焦中心工作。\n市政协召开十四届常委会议\n想爆料？请登录APP\n责任编辑：李四";
    NormalizedDoc doc = DEFAULTS.normalizeDocument(null, body, null);
    assertEquals("市政协召开十四届常委会议\n会议强调，要聚焦中心工作。", doc.body());
    assertEquals(3, doc.linesDropped());
  }

  @Test
  void appDownloadFootersGoButAServiceAppInTheReportStays() {
    // The footer under the Liaocheng media centre's articles; the second line is report content.
    String body = "会议强调，要聚焦中心工作。\n市民可下载“聊城通”app，在线办理公积金提取等业务。\n　　扫码下载客户端，看更多本地新闻";
    NormalizedDoc doc = DEFAULTS.normalizeDocument(null, body, null);
    assertEquals("会议强调，要聚焦中心工作。\n市民可下载“聊城通”app，在线办理公积金提取等业务。", doc.body());
    assertEquals(1, doc.linesDropped());
  }

  @Test
  void shortRepeatsAreKept() throws IOException {
    TextNormalizer custom = TextNormalizer.fromConfig(load("custom.yaml"));
    NormalizedDoc doc = custom.normalizeDocument(null, "abc\nabcd\nabc\nabcd", null);
    assertEquals("abc\nabcd\nabc", doc.body(), "minRepeatedLineLength is 4 in custom.yaml");
    assertEquals(1, doc.linesDropped());
  }

  @Test
  void customConfigIsUsed() throws IOException {
    TextNormalizer custom = TextNormalizer.fromConfig(load("custom.yaml"));
    NormalizedDoc doc =
        custom.normalizeDocument(null, "ORIG: Old\nbody\nAD buy now\n责任编辑：李四", null);
    assertEquals("Old", doc.originalTitle());
    assertEquals("body\n责任编辑：李四", doc.body(), "only the custom patterns apply");
  }

  @Test
  void longLinesAreNeverBoilerplate() throws IOException {
    TextNormalizer custom = TextNormalizer.fromConfig(load("custom.yaml"));
    String longAd = "AD " + "x".repeat(30);
    assertEquals(longAd, custom.normalizeDocument(null, longAd, null).body());
  }

  @Test
  void everyEntryMustSayWhy() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load("no-why.yaml"));
    assertTrue(e.getMessage().contains("drop[0]: missing why"), e.getMessage());
  }

  @Test
  void headerPatternNeedsValueGroup() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load("no-value-group.yaml"));
    assertTrue(e.getMessage().startsWith("headers[0]"), e.getMessage());
  }

  @Test
  void brokenRegexNamesTheEntry() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load("bad-regex.yaml"));
    assertTrue(e.getMessage().startsWith("drop[0]"), e.getMessage());
  }

  private static Boilerplate load(String name) throws IOException {
    try (Reader r =
        new InputStreamReader(
            BoilerplateTest.class.getResourceAsStream("/BoilerplateTest/" + name),
            StandardCharsets.UTF_8)) {
      return Boilerplate.load(r);
    }
  }
}
