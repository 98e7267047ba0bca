package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-document measurement of quoted candidates, on sentences of the real national reports. */
class MeasureSlogansTest {
  private static final MeasureSlogans.Measurer MEASURER =
      new MeasureSlogans.Measurer(
          List.of("九五", "十五", "人民"), new PhraseMiner(SloganRules.loadDefault().mining()));

  @Test
  void occurrencesOverlapButNeverCutANumber() {
    // 九五 in 一九九五年 and 十五 in 二十五 are parts of numbers; 九五计划 and 十五期间 are the plans.
    // 人民 counts inside 人民群众 too: 3 by hand.
    Map<String, Integer> got =
        MEASURER.occurrences("一九九五年政府工作报告", "实现“九五”计划，二十五个省份，十五期间，人民群众和人民代表，为人民服务");
    assertEquals(Map.of("九五", 1, "十五", 1, "人民", 3), got);
  }

  @Test
  void aDocumentWithoutTextHasNoOccurrences() {
    assertEquals(Map.of(), MEASURER.occurrences(null, ""));
  }
}
