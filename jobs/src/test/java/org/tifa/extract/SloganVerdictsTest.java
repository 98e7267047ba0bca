package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tifa.ReferenceData;

/** Verdicts with the bundled rules on figures worked out by hand. */
class SloganVerdictsTest {
  private static final ReferenceData REF = ReferenceData.bundled();

  private static DiscoverSlogans.Quoted quoted(
      String key, long docs, long quoted, long named, long sources, long regions) {
    return new DiscoverSlogans.Quoted(
        key, key, List.of(key), docs, quoted, named, sources, regions);
  }

  @Test
  void everyCandidateGetsTheRuleThatDecidedIt() {
    List<DiscoverSlogans.Quoted> quoted =
        List.of(
            quoted("人民", 2, 2, 0, 2, 2), // 2 of 3,890: rarely quoted
            quoted("蓉易办", 1, 2, 0, 1, 1), // 2 of 3: 0.67 >= 0.3
            quoted("未来", 2, 2, 1, 2, 1), // 1 of 2 quotes before 号: a named thing
            quoted("青山", 1, 1, 0, 1, 1), // a district's short name
            quoted("新质生产力", 5, 5, 0, 5, 5), // a lexicon form
            quoted("稳岗扩容提质行动", 1, 1, 0, 1, 1), // 1 of 17 quoted, but mined too
            quoted("柴米油盐", 2, 2, 0, 2, 2), // always quoted, but an idiom
            quoted(
                "扫黄打非", 3, 3, 0, 3,
                3)); // a set phrase (nature l), not an idiom: judged on its evidence
    Map<String, long[]> occurrences =
        Map.of(
            "人民",
            new long[] {160, 3890},
            "蓉易办",
            new long[] {1, 3},
            "未来",
            new long[] {40, 60},
            "稳岗扩容提质行动",
            new long[] {17, 17},
            "柴米油盐",
            new long[] {2, 2},
            "扫黄打非",
            new long[] {3, 3});
    List<PhraseMiner.Phrase> phrases =
        List.of(
            new PhraseMiner.Phrase("稳岗扩容提质行动", 17, 15, 17),
            new PhraseMiner.Phrase("服务和融入新发展格局", 14, 14, 14),
            new PhraseMiner.Phrase("国民经济", 76, 8, 294),
            new PhraseMiner.Phrase("提质增效行动", 9, 9, 12, 3), // 3 of 12 introduced: below one half
            new PhraseMiner.Phrase("扩能提质行动", 16, 16, 16),
            new PhraseMiner.Phrase("服务业扩能提质行动", 16, 16, 16),
            // a lexicon form (绿水青山就是金山银山) followed by a head: the idea it states, a name of
            // its own
            new PhraseMiner.Phrase("绿水青山就是金山银山理念", 4, 3, 4));

    List<SloganVerdicts.Candidate> got =
        SloganVerdicts.decide(
            quoted,
            occurrences,
            phrases,
            REF.lexicon(),
            REF.sloganRules(),
            REF.nameScreen(),
            REF.phraseMiner());

    Map<String, String> verdicts =
        got.stream()
            .collect(
                Collectors.toMap(
                    SloganVerdicts.Candidate::key,
                    c ->
                        c.origin().label()
                            + " "
                            + c.decision().verdict().label()
                            + " "
                            + c.decision().reason().label()
                            + (c.detail() == null ? "" : " " + c.detail())));
    assertEquals(
        Map.ofEntries(
            Map.entry("人民", "discovered rejected rarely_quoted"),
            Map.entry("蓉易办", "discovered counted quoted_mostly"),
            Map.entry("未来", "discovered rejected named_thing"),
            Map.entry("青山", "discovered rejected place"),
            Map.entry("柴米油盐", "discovered rejected idiom"),
            Map.entry("扫黄打非", "discovered counted quoted_mostly"),
            Map.entry("新质生产力", "discovered rejected in_lexicon 新质生产力"),
            Map.entry("稳岗扩容提质行动", "mined counted repeated_across_regions"),
            Map.entry("服务和融入新发展格局", "mined rejected contains_lexicon_form 融入新发展格局"),
            Map.entry("国民经济", "mined rejected dictionary_word"),
            Map.entry("提质增效行动", "mined rejected not_introduced"),
            Map.entry("扩能提质行动", "mined rejected part_of_longer 服务业扩能提质行动"),
            Map.entry("服务业扩能提质行动", "mined counted repeated_across_regions"),
            Map.entry("绿水青山就是金山银山理念", "mined counted repeated_across_regions")),
        verdicts);
    // Counted first, then by documents: 稳岗扩容提质行动 17, 服务业扩能提质行动 16, 绿水青山就是金山银山理念 4, 扫黄打非 3,
    // 蓉易办 1.
    assertEquals(
        List.of("稳岗扩容提质行动", "服务业扩能提质行动", "绿水青山就是金山银山理念", "扫黄打非", "蓉易办"),
        got.subList(0, 5).stream().map(SloganVerdicts.Candidate::key).toList());
    // The mined verdict keeps the quoted figures of the same key.
    SloganVerdicts.Candidate mined = got.get(0);
    assertEquals(
        List.of(1L, 1L, 17L, 17L),
        List.of(mined.documentsQuoted(), mined.quoted(), mined.occurrences(), mined.documents()));
  }
}
