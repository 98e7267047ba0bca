package org.tifa.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tifa.aggregate.CellCounter.CellTermCount;
import org.tifa.aggregate.CellCounter.PlacedDocument;

class CellCounterTest {
  private static PlacedDocument doc(int grain, int period, int level, long region, Long source, int day, long[] terms, int[] mentions) {
    return doc(new int[] {grain}, new int[] {period}, level, region, source, day, terms, mentions);
  }

  private static PlacedDocument doc(int[] grains, int[] periods, int level, long region, Long source, int day, long[] terms, int[] mentions) {
    PlacedDocument d = new PlacedDocument();
    d.setGrainNos(grains);
    d.setPeriodDays(periods);
    d.setLevelNo(level);
    d.setRegionNo(region);
    d.setSourceKey(source);
    d.setDay(day);
    d.setTermKeys(terms);
    d.setTermMentions(mentions);
    return d;
  }

  /** "cell/term" → mentions, documents, sources, first day, last day, documents of the cell. */
  private static Map<String, List<Long>> byCellAndTerm(Iterator<CellTermCount> rows) {
    Map<String, List<Long>> out = new TreeMap<>();
    rows.forEachRemaining(
        r ->
            out.put(
                r.getGrainNo() + "," + r.getPeriodDay() + "," + r.getLevelNo() + "," + r.getRegionNo() + "/" + r.getTermKey(),
                List.of(r.getTermMentions(), r.getDocumentCount(), r.getSourceCount(), (long) r.getFirstDay(), (long) r.getLastDay(),
                    r.getCellDocuments())));
    return out;
  }

  @Test
  void countsMentionsDocumentsSourcesAndDaysPerCellAndTerm() {
    // Province cell 370000: d1 (source 7, day 100: term 11 twice, term 22 once), d2 (source 8,
    // day 101: term 11 three times), d3 (no source, day 99: term 11 once). Prefecture cell
    // 371500: d1 again with term 22 four times.
    List<PlacedDocument> rows =
        List.of(
            doc(0, 98, 1, 370000, 7L, 100, new long[] {11, 22}, new int[] {2, 1}),
            doc(0, 98, 2, 371500, 7L, 100, new long[] {22}, new int[] {4}),
            doc(0, 98, 1, 370000, 8L, 101, new long[] {11}, new int[] {3}),
            doc(0, 98, 1, 370000, null, 99, new long[] {11}, new int[] {1}));

    Map<String, List<Long>> counted = byCellAndTerm(CellCounter.count(rows.iterator()));

    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put("0,98,1,370000/11", List.of(6L, 3L, 2L, 99L, 101L, 3L));
    expected.put("0,98,1,370000/22", List.of(1L, 1L, 1L, 100L, 100L, 3L));
    expected.put("0,98,2,371500/22", List.of(4L, 1L, 1L, 100L, 100L, 1L));
    assertEquals(expected, counted);
  }

  @Test
  void countsManySourcesOnceEach() {
    // Twenty documents, sources 0..9 each twice: more sources than the small array holds.
    List<PlacedDocument> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(doc(4, 0, 0, 0, (long) (i % 10), i, new long[] {5}, new int[] {1}));
    }
    rows.add(doc(4, 0, 0, 0, 3L, 30, new long[0], new int[0]));

    Map<String, List<Long>> counted = byCellAndTerm(CellCounter.count(rows.iterator()));

    assertEquals(Map.of("4,0,0,0/5", List.of(20L, 20L, 10L, 0L, 19L, 21L)), counted);
  }

  @Test
  void aDocumentCountsOnceInItsCellOfEachGrain() {
    // d1 (day 40) and d2 (day 45) at prefecture 371500, both placed at grains 0 (periods 40 and
    // 45: two day cells) and 2 (period 31: one month cell); d2 is not placed at grain 1 (its
    // period there, 99, is ignored: no cell 1,99).
    List<PlacedDocument> rows =
        List.of(
            doc(new int[] {0, 1, 2}, new int[] {40, 38, 31}, 2, 371500, 1L, 40, new long[] {9}, new int[] {2}),
            doc(new int[] {0, CellCounter.NOT_PLACED, 2}, new int[] {45, 99, 31}, 2, 371500, 2L, 45, new long[] {9}, new int[] {5}));

    Map<String, List<Long>> counted = byCellAndTerm(CellCounter.count(rows.iterator()));

    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put("0,40,2,371500/9", List.of(2L, 1L, 1L, 40L, 40L, 1L));
    expected.put("0,45,2,371500/9", List.of(5L, 1L, 1L, 45L, 45L, 1L));
    expected.put("1,38,2,371500/9", List.of(2L, 1L, 1L, 40L, 40L, 1L));
    expected.put("2,31,2,371500/9", List.of(7L, 2L, 2L, 40L, 45L, 2L));
    assertEquals(expected, counted);
  }

  @Test
  void grainsWithoutTheirPeriodsAreAnError() {
    List<PlacedDocument> rows = List.of(doc(new int[] {0, 1}, new int[] {3}, 0, 0, null, 3, new long[0], new int[0]));
    assertThrows(IllegalArgumentException.class, () -> CellCounter.count(rows.iterator()));
  }
}
