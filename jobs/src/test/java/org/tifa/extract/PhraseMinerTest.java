package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled mining rules on sentences of the real 2026 provincial work reports. */
class PhraseMinerTest {
  private static final PhraseMiner MINER = new PhraseMiner(SloganRules.loadDefault().mining());

  @Test
  void anOpenerIsCutFromTheFormulation() {
    Map<String, int[]> found = MINER.phrases("坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。");
    assertTrue(found.containsKey("稳中求进工作总基调"), found.toString());
    assertTrue(found.containsKey("新发展理念"), found.toString());
    assertFalse(found.containsKey("坚持稳中求进工作总基调"), found.toString());
    assertFalse(found.containsKey("贯彻新发展理念"), found.toString());
    assertFalse(found.containsKey("完整准确全面贯彻新发展理念"), found.toString());
  }

  @Test
  void aPhraseStartsAtAWordNotInsideOne() {
    // 服务 is an opener, but inside 服务业 it starts no phrase: 业扩能提质行动 is not one.
    Map<String, int[]> found = MINER.phrases("实施服务业扩能提质行动，大力发展生产性服务业。");
    assertTrue(found.containsKey("服务业扩能提质行动"), found.toString());
    assertFalse(found.containsKey("业扩能提质行动"), found.toString());
  }

  @Test
  void aHeadInsideALongerWordEndsNoPhrase() {
    // 经济 before 运行 or 社会 is not the end of a phrase; 经济 before a comma is.
    assertEquals(Map.of(), MINER.phrases("我国经济运行总体平稳，国民经济社会发展"));
    assertEquals(List.of("低空经济"), List.copyOf(MINER.phrases("培育壮大低空经济，").keySet()));
  }

  @Test
  void aFormOfOwnershipIsNoFormulation() {
    // 民营 opens no phrase; 低空经济 in the same sentence is found.
    assertEquals(List.of("低空经济"), List.copyOf(MINER.phrases("壮大民营经济，培育低空经济。").keySet()));
  }

  @Test
  void shortPrefixesOfActionsAreTooGeneric() {
    // 行动 needs four characters before it: 城市更新行动 yes, 攻坚行动 no.
    assertEquals(List.of("城市更新行动"), List.copyOf(MINER.phrases("实施城市更新行动。开展攻坚行动。").keySet()));
  }

  @Test
  void anOccurrenceIsIntroducedAtAClauseStartOrAfterAnOpener() {
    // 实施 introduces 城市更新行动; after 公共文化服务 (content words) 提质增效行动 is not introduced,
    // but the whole 公共文化服务提质增效行动 starts the clause, so it is.
    Map<String, int[]> found = MINER.phrases("实施城市更新行动，公共文化服务提质增效行动。");
    assertEquals(List.of(1, 1), List.of(found.get("城市更新行动")[0], found.get("城市更新行动")[1]));
    assertEquals(List.of(1, 0), List.of(found.get("提质增效行动")[0], found.get("提质增效行动")[1]));
    assertEquals(
        List.of(1, 1), List.of(found.get("公共文化服务提质增效行动")[0], found.get("公共文化服务提质增效行动")[1]));
  }

  @Test
  void anOccurrenceAfterAModifierOrAQuoteIsNotIntroduced() {
    // 实施 (an opener) introduces 乡村振兴战略; 和 (a modifier) does not introduce 城市更新行动, and
    // no phrase starts with it.
    Map<String, int[]> joined = MINER.phrases("实施乡村振兴战略和城市更新行动。");
    assertEquals(List.of(1, 1), List.of(joined.get("乡村振兴战略")[0], joined.get("乡村振兴战略")[1]));
    assertEquals(List.of(1, 0), List.of(joined.get("城市更新行动")[0], joined.get("城市更新行动")[1]));
    assertFalse(joined.containsKey("和城市更新行动"), joined.toString());
    // Right after a closing quote the clause continues a quoted name; after a comma it starts anew.
    Map<String, int[]> quoted = MINER.phrases("开展“三亮”提质增效行动，提质增效行动。");
    assertEquals(List.of(2, 1), List.of(quoted.get("提质增效行动")[0], quoted.get("提质增效行动")[1]));
  }

  @Test
  void aWordIsAnOpenerOrAModifierNotBoth() {
    PhraseMiner.Rules rules = SloganRules.loadDefault().mining();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PhraseMiner.Rules(
                    rules.heads(),
                    List.of("坚持", "的"),
                    List.of("的"),
                    rules.followers(),
                    rules.minChars(),
                    rules.maxChars(),
                    rules.minDocuments(),
                    rules.minRegions(),
                    rules.maximalShare(),
                    rules.minIntroducedShare()));
    assertTrue(e.getMessage().contains("的"), e.getMessage());
  }

  @Test
  void ofAPhraseAndALongerOneOneIsKept() {
    // 现代化产业体系-like pairs, figures by hand, maximal_share 0.6: 12 of 15 documents (0.8)
    // covers the shorter; 3 of 20 (0.15) is a rare extension of it.
    List<PhraseMiner.Phrase> frequent =
        List.of(
            new PhraseMiner.Phrase("扩能提质行动", 15, 10, 15),
            new PhraseMiner.Phrase("服务业扩能提质行动", 12, 9, 12),
            new PhraseMiner.Phrase("新发展理念", 20, 15, 30),
            new PhraseMiner.Phrase("践行新发展理念", 3, 3, 3));
    Map<String, PhraseMiner.Dropped> dropped = MINER.dropped(frequent);
    assertEquals(
        Map.of(
            "扩能提质行动", new PhraseMiner.Dropped(PhraseMiner.Drop.PART_OF_LONGER, "服务业扩能提质行动", 12),
            "践行新发展理念", new PhraseMiner.Dropped(PhraseMiner.Drop.EXTENDS_SHORTER, "新发展理念", 20)),
        dropped);
  }
}
