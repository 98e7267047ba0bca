package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SloganExtractorTest {

  private static final SloganExtractor EXTRACTOR = SloganExtractor.loadDefault();

  @Test
  void titleAndBodyCandidatesWithPositions() {
    String title = "关于开展“三亮”活动的通知";
    String body = "会上说：“开展‘攻坚突破年 政协见行动’主题实践活动，是今年的重点。”要把“一把手”责任压实。";

    SloganCandidate[] found = EXTRACTOR.extract(title, body);

    assertArrayEquals(
        new SloganCandidate[] {
          new SloganCandidate("三亮", "三亮", true, 5, 7, 0, '活'),
          new SloganCandidate("攻坚突破年政协见行动", "攻坚突破年 政协见行动", false, 8, 19, 1, '主')
        },
        found);
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
}
