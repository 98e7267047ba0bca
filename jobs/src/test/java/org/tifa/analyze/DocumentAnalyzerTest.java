package org.tifa.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifa.ReferenceData;
import org.tifa.RunJob;
import org.tifa.normalize.NearDuplicates;
import org.tifa.reference.TifaConfig;

/** The per-document work on records like the real ones, with the bundled reference data. */
class DocumentAnalyzerTest {
  private static final NearDuplicates.Settings DUPLICATES =
      RunJob.dedupSettings(TifaConfig.defaults());
  private static final DocumentAnalyzer ANALYZER =
      ReferenceData.bundled().documentAnalyzer(DUPLICATES);

  private static DocumentAnalyzer.Analysis analyze(
      String title, String body, String province, String city) {
    return ANALYZER.analyze(
        new DocumentAnalyzer.Given(title, body, null, null, province, city, null));
  }

  @Test
  void aTraditionalRecordWithPinyinAndAFooterIsReadAsItsSimplifiedText() {
    DocumentAnalyzer.Analysis a =
        analyze("聊城市政協(xié)召開會議", "全國政協(xié)委員聚焦“攻堅突破年 政協見行動”。\n責任編輯：張三", "山東", "聊城");

    // By hand: both pinyin annotations go, the editor's footer line goes, the rest is converted.
    assertEquals("聊城市政协召开会议", a.text().title());
    assertEquals("全国政协委员聚焦“攻坚突破年 政协见行动”。", a.text().body());
    assertEquals(List.of(2, 1), List.of(a.text().pinyinRemoved(), a.text().linesDropped()));
    assertTrue(a.text().traditionalConverted() > 0);
    assertEquals(List.of("山东", "聊城"), List.of(a.province(), a.city()));
    // 全国政协委员聚焦 8, two quotation marks, 攻坚突破年 5, a space, 政协见行动 5, 。1: 22.
    assertEquals(22, a.bodyChars());
    // GB/T 2260: 371500 聊城市.
    assertEquals("371500", a.region().prefectureCode());
    assertEquals(
        List.of("攻坚突破年政协见行动 攻坚突破年 政协见行动"),
        Arrays.stream(a.candidates()).map(c -> c.key() + " " + c.surface()).toList());
  }

  @Test
  void theSameTextIsSignedAlikeAndATextWithoutLettersNotAtAll() {
    DocumentAnalyzer.Analysis traditional =
        analyze("聊城市政協召開會議", "全國政協委員聚焦“攻堅突破年 政協見行動”。", null, null);
    DocumentAnalyzer.Analysis simplified =
        analyze("聊城市政协召开会议", "全国政协委员聚焦“攻坚突破年 政协见行动”。", null, null);
    assertEquals(DUPLICATES.minhashSize(), simplified.signed().signature().length);
    assertArrayEquals(simplified.signed().signature(), traditional.signed().signature());
    assertArrayEquals(simplified.signed().bands(), traditional.signed().bands());

    DocumentAnalyzer.Analysis marks = analyze("——", "……", null, null);
    assertEquals(
        List.of(0, 0), List.of(marks.signed().signature().length, marks.signed().bands().length));
  }

  @Test
  void aRecordWithoutRegionFieldsIsPlacedByItsText() {
    // GB/T 2260: 371581 临清市 under 371500 聊城市.
    DocumentAnalyzer.Analysis a = analyze("临清市召开会议", "山东省聊城市临清市召开乡村振兴工作会议。", null, null);
    assertEquals(
        List.of("371581", "county", "text"),
        List.of(a.region().code(), a.region().level(), a.region().method()));
  }
}
