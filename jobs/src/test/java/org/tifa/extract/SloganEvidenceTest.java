package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tifa.extract.SloganEvidence.Decision;
import org.tifa.extract.SloganEvidence.Figures;
import org.tifa.extract.SloganEvidence.Reason;
import org.tifa.extract.SloganEvidence.Verdict;

class SloganEvidenceTest {
  /**
   * min share 0.3; keys of 2 characters need 0.6; widely quoted: 3 documents (4 for short keys), 2
   * sources, share 0.05.
   */
  private static final SloganEvidence.Rules RULES =
      new SloganEvidence.Rules(0.3, 2, 0.6, 3, 2, 0.05, 4);

  private static Decision judge(
      String key, long docs, long quoted, long occurrences, long sources, long regions) {
    return SloganEvidence.judge(
        key, new Figures(docs, quoted, occurrences, sources, regions), RULES);
  }

  @Test
  void anOrdinaryWordQuotedTwiceInThousandsOfOccurrencesIsRejected() {
    // 人民 on the real documents: quoted 2 times in 3,890.
    assertEquals(
        new Decision(Verdict.REJECTED, Reason.RARELY_QUOTED), judge("人民", 2, 2, 3890, 2, 2));
  }

  @Test
  void aLocalCampaignQuotedInItsOneDocumentIsCounted() {
    // Quoted once, written once more unquoted: share 1/2, above 0.3.
    assertEquals(
        new Decision(Verdict.COUNTED, Reason.QUOTED_MOSTLY), judge("攻坚突破年政协见行动", 1, 1, 2, 1, 1));
  }

  @Test
  void shortKeysNeedTheLargerShare() {
    // 三亮 quoted 2 of 3 times (0.67 >= 0.6) is counted; 未来 quoted 1 of 2 (0.5) is not.
    assertEquals(Verdict.COUNTED, judge("三亮", 1, 2, 3, 1, 1).verdict());
    assertEquals(new Decision(Verdict.REJECTED, Reason.RARELY_QUOTED), judge("未来", 1, 1, 2, 1, 1));
  }

  @Test
  void aWidelyQuotedFormulationIsCountedAtASmallerShare() {
    // 以旧换新: quoted in 7 documents of 5 sources, 9 of 50 occurrences (0.18): below 0.3, above 0.05.
    assertEquals(
        new Decision(Verdict.COUNTED, Reason.QUOTED_WIDELY), judge("以旧换新", 7, 9, 50, 5, 4));
    // The same share from one source only is not enough.
    assertEquals(Verdict.REJECTED, judge("以旧换新", 7, 9, 50, 1, 1).verdict());
    // Several sources but a share of 4 in 100 is an ordinary word.
    assertEquals(Verdict.REJECTED, judge("高质量", 4, 4, 100, 4, 4).verdict());
  }

  @Test
  void aShortKeyIsWidelyQuotedOnlyWhenMoreDocumentsQuoteIt() {
    // 两重 on the real documents: quoted 20 of 48 times (0.42, below the short keys' 0.6) by 18
    // documents of 14 sources and 18 provinces.
    assertEquals(
        new Decision(Verdict.COUNTED, Reason.QUOTED_WIDELY), judge("两重", 18, 20, 48, 14, 18));
    // Three documents of three provinces are enough for a longer key, not for a short one.
    assertEquals(Verdict.COUNTED, judge("绿电直连", 3, 3, 20, 3, 3).verdict());
    assertEquals(new Decision(Verdict.REJECTED, Reason.RARELY_QUOTED), judge("两高", 3, 3, 9, 2, 3));
    // 低保: quoted by 4 documents, all of one source and one province.
    assertEquals(Verdict.REJECTED, judge("低保", 4, 12, 89, 1, 1).verdict());
  }

  @Test
  void rulesRequireTheShortKeysQuotingDocuments() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SloganEvidence.Rules(0.3, 2, 0.6, 3, 2, 0.05, 0));
    assertEquals(true, e.getMessage().contains("short_key_widely_quoted_documents"));
  }

  @Test
  void theShareCountsQuotesWhenTheMatcherFoundFewerOccurrences() {
    assertEquals(1.0, new Figures(1, 2, 1, 1, 1).quoteShare());
    assertEquals(0.25, new Figures(1, 1, 4, 1, 1).quoteShare());
  }

  @Test
  void rulesOutOfRangeAreRefusedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SloganEvidence.Rules(1.5, 2, 0.6, 3, 2, 0.05, 4));
    assertEquals(true, e.getMessage().contains("min_quote_share"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SloganEvidence.Rules(0.3, null, 0.6, 3, 2, 0.05, 4));
  }
}
