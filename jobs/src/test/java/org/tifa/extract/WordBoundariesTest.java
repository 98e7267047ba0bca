package org.tifa.extract;

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
}
