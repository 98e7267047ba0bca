package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassageTest {
  @Test
  void aDocumentsTextIsTitleLineBreakBody() {
    assertEquals("标题\n正文", Passage.text("标题", "正文"));
    assertEquals("\n正文", Passage.text(null, "正文"));
    assertEquals(3, Passage.bodyOffset("标题"));
    assertEquals(1, Passage.bodyOffset(null));
  }

  @Test
  void theContextIsTheSentenceWithItsEndButNotThePreviousOnes() {
    // 甲0 。1 乙2 丙3 丁4 ！5 戊6: the match 丙 (3-4) stands in 乙丙丁！ (2-6).
    assertArrayEquals(new int[] {2, 6}, Passage.context("甲。乙丙丁！戊", 3, 4, 60));
  }

  @Test
  void theContextStopsAtALineBreakAndAtTheTextsEnds() {
    // 标0 题1 \n2 正3 文4: 正 (3-4) stands in 正文 (3-5); 题 (1-2) in 标题 (0-2).
    assertArrayEquals(new int[] {3, 5}, Passage.context("标题\n正文", 3, 4, 60));
    assertArrayEquals(new int[] {0, 2}, Passage.context("标题\n正文", 1, 2, 60));
  }

  @Test
  void aLongSentenceIsCutAtTheGivenCharactersEachSide() {
    // 0123456789 with the match 5-6 and 2 characters each side: 3-8.
    assertArrayEquals(new int[] {3, 8}, Passage.context("一二三四五六七八九十", 5, 6, 2));
  }

  @Test
  void codePointOffsetsSkipTheSecondHalfOfEachSurrogatePair() {
    // a0 𠀀(1-2) b3 𠀁(4-5) c6 as chars; as code points a0 𠀀1 b2 𠀁3 c4.
    Passage.CodePoints p = new Passage.CodePoints("a\uD840\uDC00b\uD840\uDC01c");
    assertEquals(0, p.of(0));
    assertEquals(2, p.of(3));
    assertEquals(4, p.of(6));
    assertEquals(1, p.of(1)); // asked out of order
    assertEquals(7, new Passage.CodePoints("no pairs").of(7));
  }
}
