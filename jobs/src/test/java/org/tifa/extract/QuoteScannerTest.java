package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuoteScannerTest {

  private static String[] texts(String input) {
    return Arrays.stream(QuoteScanner.scan(input)).map(QuoteSpan::text).toArray(String[]::new);
  }

  @Test
  void nestedQuoteIsReturnedWithItsEnclosingQuotation() {
    String text = "他说：“开展‘攻坚突破年 政协见行动’主题实践活动既是要求。”会议强调。";
    QuoteSpan[] spans = QuoteScanner.scan(text);

    assertEquals(2, spans.length);
    assertEquals("开展‘攻坚突破年 政协见行动’主题实践活动既是要求。", spans[0].text());
    assertEquals(0, spans[0].depth());
    assertEquals(QuoteSpan.Kind.DOUBLE, spans[0].kind());
    assertEquals("攻坚突破年 政协见行动", spans[1].text());
    assertEquals(1, spans[1].depth());
    assertEquals(QuoteSpan.Kind.SINGLE, spans[1].kind());
  }

  @Test
  void offsetsPointInsideTheMarks() {
    String text = "推进“三农”工作";
    QuoteSpan span = QuoteScanner.scan(text)[0];

    assertEquals(3, span.start());
    assertEquals(5, span.end());
    assertEquals("三农", text.substring(span.start(), span.end()));
  }

  @Test
  void everyKindOfMarkIsRecognised() {
    String text = "“一”‘二’「三」『四』\"五\"'六'";
    QuoteSpan[] spans = QuoteScanner.scan(text);

    assertArrayEquals(new String[] {"一", "二", "三", "四", "五", "六"}, texts(text));
    assertArrayEquals(
        new QuoteSpan.Kind[] {
          QuoteSpan.Kind.DOUBLE,
          QuoteSpan.Kind.SINGLE,
          QuoteSpan.Kind.CORNER,
          QuoteSpan.Kind.WHITE_CORNER,
          QuoteSpan.Kind.STRAIGHT_DOUBLE,
          QuoteSpan.Kind.STRAIGHT_SINGLE
        },
        Arrays.stream(spans).map(QuoteSpan::kind).toArray());
  }

  @Test
  void cornerBracketsNestLikeCurlyQuotes() {
    assertArrayEquals(new String[] {"要做好『六稳』工作", "六稳"}, texts("「要做好『六稳』工作」"));
  }

  @Test
  void bookTitleIsNotAQuoteButAQuoteInsideItIs() {
    assertArrayEquals(new String[] {"三亮"}, texts("印发《关于开展“三亮”活动的通知》。"));
  }

  @Test
  void unclosedQuoteDoesNotSwallowTheFollowingLines() {
    String text = "坚持“两个毫不动摇\n推进“乡村振兴”战略。\n落实“六稳”";

    assertArrayEquals(new String[] {"乡村振兴", "六稳"}, texts(text));
  }

  @Test
  void unclosedInnerQuoteIsDroppedAndTheOuterPairStands() {
    assertArrayEquals(new String[] {"推进‘双碳 工作"}, texts("要“推进‘双碳 工作”。"));
  }

  @Test
  void strayClosingMarksAreIgnored() {
    assertArrayEquals(new String[] {"十四五"}, texts("完成”任务’后，编制“十四五”规划"));
  }

  @Test
  void quotesDoNotCrossLineBreaksOfAnyKind() {
    assertEquals(0, QuoteScanner.scan("“一\r二”“三\n四”").length);
  }

  @Test
  void straightQuotesPairOnlyWithinALine() {
    assertArrayEquals(new String[] {"一网通办", "双碳"}, texts("推进\"一网通办\"和\"双碳\"，\"未闭合\n下一行"));
  }

  @Test
  void apostrophesInLatinTextAreNotQuotes() {
    assertEquals(0, QuoteScanner.scan("it's the students' work, don’t").length);
  }

  @Test
  void straightSingleQuotesAroundChineseAreQuotes() {
    assertArrayEquals(new String[] {"三亮"}, texts("开展'三亮'活动"));
  }

  @Test
  void emptyQuotesAreNotSpans() {
    assertEquals(0, QuoteScanner.scan("“”‘’").length);
  }

  @Test
  void overlongPairIsDroppedButItsNestedQuoteIsKept() {
    String filler = "字".repeat(QuoteScanner.MAX_SPAN_CHARS);
    assertArrayEquals(new String[] {"三农"}, texts("“" + filler + "‘三农’”"));
  }

  @Test
  void pairAtTheLengthLimitIsKept() {
    String content = "字".repeat(QuoteScanner.MAX_SPAN_CHARS);
    assertArrayEquals(new String[] {content}, texts("“" + content + "”"));
  }

  @Test
  void siblingsAtTheSameLevelHaveEqualDepth() {
    QuoteSpan[] spans = QuoteScanner.scan("“‘四个意识’和‘四个自信’”");

    assertEquals(3, spans.length);
    assertArrayEquals(
        new int[] {0, 1, 1}, Arrays.stream(spans).mapToInt(QuoteSpan::depth).toArray());
  }
}
