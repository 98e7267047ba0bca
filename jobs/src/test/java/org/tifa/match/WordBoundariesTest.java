package org.tifa.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordBoundariesTest {

  @Test
  void aMatchOnWordBoundariesOrInsideOneWordAgrees() {
    // 房地产业/处于: 房地产 inside the first word; 房地产业 as the whole word.
    assertTrue(WordBoundaries.agrees(new int[] {0, 4, 6}, 0, 3));
    assertTrue(WordBoundaries.agrees(new int[] {0, 4, 6}, 0, 4));
    // 外贸/进出口: 外贸进出口 as a run of two words.
    assertTrue(WordBoundaries.agrees(new int[] {0, 2, 5}, 0, 5));
  }

  @Test
  void aMatchStraddlingAWordBoundaryDoesNot() {
    // 各种/业余 and 种业 at 1..3; 促进/出口 and 进出口 at 1..4; 农民/工资 and 农民工 at 0..3.
    assertFalse(WordBoundaries.agrees(new int[] {0, 2, 4}, 1, 3));
    assertFalse(WordBoundaries.agrees(new int[] {0, 2, 4}, 1, 4));
    assertFalse(WordBoundaries.agrees(new int[] {0, 2, 4}, 0, 3));
  }

  @Test
  void aOneCharacterWordInsideTheMatchMakesItAgree() {
    // 风/电光/伏: 风电 at 0..2 holds 风, 光伏 at 2..4 holds 伏.
    assertTrue(WordBoundaries.agrees(new int[] {0, 1, 3, 4}, 0, 2));
    assertTrue(WordBoundaries.agrees(new int[] {0, 1, 3, 4}, 2, 4));
    // 风 next to the match but outside it does not count.
    assertFalse(WordBoundaries.agrees(new int[] {0, 1, 3, 5}, 2, 4));
  }

  @Test
  void onlyAPairOfMatchingMarksAroundTheWholeMatchQuotesIt() {
    assertTrue(WordBoundaries.quotedWhole("和“两山”实践", 2, 4));
    assertTrue(WordBoundaries.quotedWhole("「双创」", 1, 3));
    assertTrue(WordBoundaries.quotedWhole("\"双创\"", 1, 3));
    assertFalse(WordBoundaries.quotedWhole("“两山”", 1, 2), "part of the quoted span");
    assertFalse(WordBoundaries.quotedWhole("“两山」", 1, 3), "marks of two kinds");
    assertFalse(WordBoundaries.quotedWhole("两山”", 0, 2), "at the start of the text");
    assertFalse(WordBoundaries.quotedWhole("“两山", 1, 3), "at the end of the text");
  }

  @Test
  void withoutAKnownWordAcrossEitherEndTheSegmenterAgreesToo() {
    // Every span of two or three characters of real sentences: the shortcut may only accept what
    // the segmenter accepts.
    String[] sentences = {
      "人民公社还办了各种业余学校和红专学校",
      "退税等各种国际通行的政策手段，促进出口，增加收汇",
      "毛乌素沙地风电光伏基地电力外送工程",
      "服务业增势不够稳固，房地产业处于调整之中",
      "抓紧建立确保进城务工农民工资正常支付的机制",
    };
    int shortcuts = 0;
    for (String s : sentences) {
      char[] window = s.toCharArray();
      for (int start = 0; start < window.length; start++) {
        for (int end = start + 2; end <= Math.min(start + 3, window.length); end++) {
          if (!WordBoundaries.crossedByAKnownWord(window, start, end)) {
            shortcuts++;
            assertTrue(
                WordBoundaries.segmentationAgrees(window, start, end),
                s.substring(start, end) + " in " + s);
          }
        }
      }
    }
    assertTrue(shortcuts > 20, shortcuts + " spans took the shortcut");
  }

  @Test
  void aKnownWordAcrossAnEndIsFound() {
    assertTrue(
        WordBoundaries.crossedByAKnownWord("各种业余".toCharArray(), 1, 3), "各种 and 业余 across 种业");
    assertTrue(
        WordBoundaries.crossedByAKnownWord("农民工资".toCharArray(), 0, 3), "工资 across the end of 农民工");
    assertFalse(WordBoundaries.crossedByAKnownWord("种业".toCharArray(), 0, 2), "nothing around it");
  }
}
