package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

/**
 * Offsets, quoting, families and contexts of the mentions a document's terms are counted from.
 * Expected offsets are counted by hand on the fixture, character by character (see each test).
 */
class MentionsTest {
  /** A family (人工智能+ and a variant), a nested pair, a number-like term, one topic. */
  private static final SloganLexicon LEXICON =
      SloganLexicon.load(
          new StringReader(
              "categories: {economy: x}\nslogans:\n"
                  + "  - {term: 人工智能+, category: economy}\n"
                  + "  - {term: 人工智能+制造, category: economy}\n"
                  + "  - {term: 人工智能+消费, category: economy}\n"
                  + "  - {term: 稳中求进, category: economy}\n"
                  + "  - {term: 稳中求进工作总基调, category: economy}\n"
                  + "  - {term: 十五, category: economy}\n"));

  private static final Taxonomy TAXONOMY =
      Taxonomy.load(
          new StringReader(
              "categories: {politics: x}\ntopics:\n"
                  + "  - {id: cppcc, label_zh: 政协, label_en: CPPCC, category: politics, keywords: [协商民主, 政协委员]}\n"));

  /**
   * 三亮 was found quoted elsewhere; the word-boundary check is off (0) so that only offsets matter.
   */
  private static final TermDictionary DICTIONARY =
      TermDictionary.build(
          LEXICON,
          TAXONOMY,
          List.of(new TermDictionary.Discovered("三亮", "三亮", new String[] {"三亮"}, 1)),
          1,
          0);

  // title: 推0 进1 人2 工3 智4 能5 +6 制7 造8 (9 chars); the body starts at 9 + 1 = 10.
  private static final String TITLE = "推进人工智能+制造";
  // body: 坚0 持1 稳2 中3 求4 进5 工6 作7 总8 基9 调10 。11 开12 展13 “14 三15 亮16 ”17 活18 动19 ，20
  // 三21 亮22 成23 效24 明25 显26 ，27 发28 展29 协30 商31 民32 主33 。34 二35 十36 五37 项38 任39 务40 。41
  private static final String BODY = "坚持稳中求进工作总基调。开展“三亮”活动，三亮成效明显，发展协商民主。二十五项任务。";

  private static List<String> shown(List<Mention> mentions) {
    List<String> out = new ArrayList<>();
    for (Mention m : mentions) {
      out.add(
          m.kind()
              + " "
              + m.id()
              + " "
              + m.start()
              + "-"
              + m.end()
              + " "
              + m.surface()
              + (m.quoted() ? " quoted" : ""));
    }
    return out;
  }

  @Test
  void offsetsAreIntoTitleLineBreakBodyAndNestedFamilyAndQuotedMentionsAreKept() {
    List<String> expected =
        List.of(
            "slogan 人工智能+制造 2-9 人工智能+制造",
            "slogan 人工智能+ 2-7 人工智能+",
            "slogan 稳中求进工作总基调 12-21 稳中求进工作总基调",
            "slogan 稳中求进 12-16 稳中求进",
            "slogan 三亮 25-27 三亮 quoted",
            "slogan 三亮 31-33 三亮",
            "topic cppcc 40-44 协商民主");
    // 十五 inside 二十五 (body 36-38) is no mention: it cuts a number.
    assertEquals(expected, shown(DICTIONARY.mentions(TITLE, BODY)));
  }

  @Test
  void eachMentionsSurfaceIsItsTextAtItsOffsets() {
    String text = Passage.text(TITLE, BODY);
    for (Mention m : DICTIONARY.mentions(TITLE, BODY)) {
      assertEquals(m.surface(), text.substring(m.start(), m.end()), m.toString());
    }
  }

  @Test
  void countsAreTheMentionsTallied() {
    assertEquals(
        "{slogan\u0000人工智能+制造=1, slogan\u0000人工智能+=1, slogan\u0000稳中求进工作总基调=1, slogan\u0000稳中求进=1,"
            + " slogan\u0000三亮=2, topic\u0000cppcc=1}",
        DICTIONARY.count(TITLE, BODY).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()[0])
            .toList()
            .toString()
            .replace("[", "{")
            .replace("]", "}"));
  }

  private static Row row(String title, String body, int contexts, int chars) {
    return ExtractTerms.toRow(
        DICTIONARY.mentions(title, body),
        Passage.text(title, body),
        100,
        new ExtractTerms.Settings(3.0, contexts, chars),
        DICTIONARY);
  }

  private static Row[] rows(String title, String body, int contexts, int chars) {
    return ExtractTerms.mentionRows(
        DICTIONARY.mentions(title, body),
        Passage.text(title, body),
        new ExtractTerms.Settings(3.0, contexts, chars),
        DICTIONARY);
  }

  /** Mention rows, shown as: id family start-end quoted context@context_start. */
  private static List<String> mentionRows(Row[] result) {
    List<String> out = new ArrayList<>();
    for (Row m : result) {
      out.add(
          m.getString(1)
              + " "
              + m.get(2)
              + " "
              + m.getInt(3)
              + "-"
              + m.getInt(4)
              + " "
              + m.getBoolean(6)
              + " "
              + m.get(7)
              + "@"
              + m.get(8));
    }
    return out;
  }

  @Test
  void mentionRowsComeInTextOrderWithTheirSentenceForTheFirstOfEachTerm() {
    // One context per term: the quoted 三亮 (25) gets the sentence 开展…民主。 (body 12-35, text
    // 22-45), the second 三亮 none.
    List<String> expected =
        List.of(
            "人工智能+制造 人工智能+ 2-9 false 推进人工智能+制造@0",
            "人工智能+ 人工智能+ 2-7 false 推进人工智能+制造@0",
            "稳中求进工作总基调 null 12-21 false 坚持稳中求进工作总基调。@10",
            "稳中求进 null 12-16 false 坚持稳中求进工作总基调。@10",
            "三亮 null 25-27 true 开展“三亮”活动，三亮成效明显，发展协商民主。@22",
            "三亮 null 31-33 false null@null",
            "cppcc null 40-44 false 开展“三亮”活动，三亮成效明显，发展协商民主。@22");
    assertEquals(expected, mentionRows(rows(TITLE, BODY, 1, 60)));
  }

  @Test
  void aContextIsCutAtItsCharactersEachSideAndNoneAreKeptAtZero() {
    // 三亮 at 31-33 with 4 characters each side: 27-37, “活动，三亮成效明显” is text 27-37?
    // text 27 = body 17 ”, so the context is ”活动，三亮成效明显 (text 27-37).
    List<String> rows = mentionRows(rows(TITLE, BODY, 2, 4));
    assertEquals("三亮 null 31-33 false ”活动，三亮成效明显@27", rows.get(5));
    for (String r : mentionRows(rows(TITLE, BODY, 0, 60))) {
      assertEquals(true, r.endsWith("null@null"), r);
    }
  }

  @Test
  void documentTermFiguresCountMentionsQuotedMentionsAndTheFirstOffset() {
    List<String> hits = new ArrayList<>();
    for (Row h : (Row[]) row(TITLE, BODY, 1, 60).get(0)) {
      hits.add(
          h.getString(1)
              + " "
              + h.getInt(2)
              + " "
              + h.getInt(6)
              + " "
              + h.getInt(7)
              + " "
              + h.get(8));
    }
    assertEquals(
        List.of(
            "人工智能+制造 1 0 2 人工智能+",
            "人工智能+ 1 0 2 人工智能+",
            "稳中求进工作总基调 1 0 12 null",
            "稳中求进 1 0 12 null",
            "三亮 2 1 25 null",
            "cppcc 1 0 40 null"),
        hits);
  }

  @Test
  void offsetsCountCodePointsWhereTheTextHoldsACharacterBeyondTheBasicPlane() {
    // U+20000 (𠀀) is two Java chars. Text: line break 0, 𠀀 1, 稳 2 中 3 求 4 进 5.
    String body = "\uD840\uDC00稳中求进";
    List<Mention> mentions = DICTIONARY.mentions(null, body);
    assertEquals(List.of("slogan 稳中求进 3-7 稳中求进"), shown(mentions));
    assertEquals(
        List.of("稳中求进 null 2-6 false \uD840\uDC00稳中求进@1"), mentionRows(rows(null, body, 1, 60)));
  }
}
