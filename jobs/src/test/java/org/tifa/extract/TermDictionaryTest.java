package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

class TermDictionaryTest {

  private static Map<String, Integer> slogans(TermDictionary d, String body) {
    Map<String, Integer> out = new TreeMap<>();
    d.count(null, body)
        .forEach(
            (k, v) -> {
              if (k.startsWith(TermDictionary.SLOGAN + "\u0000")) {
                out.put(k.substring(TermDictionary.SLOGAN.length() + 1), v[0]);
              }
            });
    return out;
  }

  @Test
  void familyStems() {
    assertEquals("人工智能+", TermDictionary.familyOf("人工智能+制造"));
    assertEquals("文旅+", TermDictionary.familyOf("文旅+百业"));
    assertNull(TermDictionary.familyOf("人工智能+"), "a stem alone has no variant part");
    assertNull(TermDictionary.familyOf("1+N"), "a number before the + is no stem");
    assertNull(TermDictionary.familyOf("+N"));
    assertNull(TermDictionary.familyOf("十四五"));
  }

  @Test
  void aVariantCountsForItselfAndItsFamily() {
    // Discovered: 文旅+百业 and 文旅+体育; the stem 文旅+ is not quoted alone, so it is added.
    TermDictionary d =
        TermDictionary.build(
            SloganLexicon.loadDefault(),
            Taxonomy.loadDefault(),
            List.of(
                new TermDictionary.Discovered("文旅+百业", "文旅+百业", new String[] {"文旅+百业"}, 2),
                new TermDictionary.Discovered("文旅+体育", "文旅+体育", new String[] {"文旅+体育"}, 1)),
            1,
            3);
    // By hand: 文旅+百业 twice, 文旅+体育 once, 文旅+ alone once; the family 1 + 2 + 1 = 4.
    Map<String, Integer> got = slogans(d, "推进文旅+百业，文旅+体育和文旅+百业融合，发展文旅+。");
    assertEquals(Map.of("文旅+百业", 2, "文旅+体育", 1, "文旅+", 4), got);
    TermDictionary.Term stem =
        d.terms().stream().filter(t -> t.id().equals("文旅+")).findFirst().orElseThrow();
    assertEquals("文旅+", stem.family());
    assertEquals("family", stem.origin());
  }

  @Test
  void aDiscoveredSloganQuotedByTooFewDocumentsIsLeftOutButAMinedOneIsNot() {
    TermDictionary d =
        TermDictionary.build(
            SloganLexicon.loadDefault(),
            Taxonomy.loadDefault(),
            List.of(
                new TermDictionary.Discovered("蓉易办", "蓉易办", new String[] {"蓉易办"}, 1),
                new TermDictionary.Discovered(
                    "城市更新行动", "城市更新行动", new String[] {"城市更新行动"}, 0, "mined", 0.0)),
            2,
            3);
    // By hand: 蓉易办 is left out; 城市更新行动 once, and the lexicon's 城市更新 once inside it.
    assertEquals(Map.of("城市更新行动", 1, "城市更新", 1), slogans(d, "推广蓉易办，实施城市更新行动。"));
  }

  @Test
  void oneVariantMakesNoFamily() {
    TermDictionary d =
        TermDictionary.build(
            SloganLexicon.loadDefault(),
            Taxonomy.loadDefault(),
            List.of(new TermDictionary.Discovered("保险+期货", "保险+期货", new String[] {"保险+期货"}, 2)),
            1,
            3);
    assertEquals(Map.of("保险+期货", 1), slogans(d, "推广保险+期货模式。"));
    TermDictionary.Term only =
        d.terms().stream().filter(t -> t.id().equals("保险+期货")).findFirst().orElseThrow();
    assertNull(only.family());
  }

  @Test
  void aLexiconSloganInsideALongerOneCountsForBothButADiscoveredOneDoesNot() {
    SloganLexicon lexicon =
        SloganLexicon.load(
            new java.io.StringReader(
                "categories: {economy: growth}\nslogans:\n"
                    + "  - {term: 稳中求进, category: economy, first_year: 2011, source: s}\n"
                    + "  - {term: 稳中求进工作总基调, category: economy, first_year: 2016, source: s}\n"
                    + "  - {term: 高效办成一件事, category: economy, first_year: 2024, source: s}\n"));
    TermDictionary d =
        TermDictionary.build(
            lexicon,
            Taxonomy.loadDefault(),
            List.of(new TermDictionary.Discovered("一件事", "一件事", new String[] {"一件事"}, 2)),
            1,
            3);
    // By hand: the long form once; 稳中求进 inside it and once alone; 高效办成一件事 once, and 一件事
    // only where it stands alone.
    assertEquals(
        Map.of("稳中求进工作总基调", 1, "稳中求进", 2, "高效办成一件事", 1, "一件事", 1),
        slogans(d, "坚持稳中求进工作总基调，做到稳中求进。高效办成一件事，推进“一件事”全链条治理。"));
  }
}
