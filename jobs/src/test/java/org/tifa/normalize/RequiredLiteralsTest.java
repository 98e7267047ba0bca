package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
  private static List<String> asList(String regex) {
    String[] s = RequiredLiterals.of(regex);
    return s == null ? null : List.of(s);
  }

  // Expected sets worked out by hand from the rules in RequiredLiterals' class comment.

  @Test
  void literalsAfterAnOptionalPrefixAreRequired() {
    assertEquals(List.of("新闻热线", "报料热线"), asList(".{0,20}(?:新闻热线|报料热线)[:：].{0,60}"));
    assertEquals(List.of("想爆料"), asList("想爆料.{0,80}"));
  }

  @Test
  void aSequenceKeepsItsLongestRequiredPart() {
    // (发布)? may be absent; 时间|日期 (two characters) beats [:：] (one).
    assertEquals(List.of("时间", "日期"), asList("(?:发布)?(?:时间|日期)[:：] ?[0-9][0-9年月日:：/. -]{3,30}"));
    // 二维码|小程序码 (shortest three) beats 扫描|扫一扫 (shortest two); the optional group counts for nothing.
    assertEquals(List.of("二维码", "小程序码"), asList(".{0,20}(?:扫描|扫一扫)(?:下方|上方)?(?:二维码|小程序码).{0,40}"));
  }

  @Test
  void anAlternationNeedsEveryBranch() {
    assertEquals(List.of("本作品", "注：中文维基文库"), asList("(?:本作品(?:是|在).{0,40}|注：中文维基文库.{0,90})"));
    assertNull(asList("政协|.*"), "a branch that needs nothing");
    assertEquals(List.of("【", "[", "（", "(", "原标题"), asList("[【\\[（(]|原标题"));
  }

  @Test
  void quantifiersApplyToTheLastCodePointOnly() {
    assertEquals(List.of("ab"), asList("abc?"));
    assertEquals(
        List.of("政协"),
        asList("\uD840\uDC00?政协"),
        "the optional supplementary character is one atom");
    assertEquals(List.of("\uD840\uDC00"), asList("\uD840\uDC00{2,3}"));
    assertEquals(List.of("x"), asList("x+?"));
  }

  @Test
  void classesOfFewCharactersCountZeroWidthAssertionsDoNot() {
    assertEquals(List.of("0", "1", "2"), asList("[0-2]"));
    assertEquals(List.of("y"), asList("(?=x)y"));
    assertEquals(List.of("y"), asList("^[^a]y$"));
    assertEquals(List.of("]", "-"), asList("[\\]-]"));
  }

  @Test
  void whatItDoesNotReadIsUnknown() {
    assertNull(asList("(?i)abc"), "inline flags change the literals");
    assertNull(asList(".*"));
    assertNull(asList("\\d+"));
    assertNull(asList("(a)\\1"), "a back-reference is not read, so nothing is claimed");
    assertNull(asList("[a-z]"), "a wide range");
    assertNull(asList("\\Qa.b\\E"));
    assertNull(asList(""));
    assertNull(asList("a)"), "unbalanced");
  }
}
