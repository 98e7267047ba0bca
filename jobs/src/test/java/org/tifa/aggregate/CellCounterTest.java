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
  private static PlacedDocument doc(
      int grain,
      int period,
      int level,
      long region,
      Long source,
      int day,
      long[] terms,
      int[] mentions) {
    return doc(new int[] {grain}, new int[] {period}, level, region, source, day, terms, mentions);
  }

  /** A document about every term it mentions. */
  private static PlacedDocument doc(
      int[] grains,
      int[] periods,
      int level,
      long region,
      Long source,
      int day,
      long[] terms,
      int[] mentions) {
    boolean[] about = new boolean[terms.length];
    java.util.Arrays.fill(about, true);
    return doc(grains, periods, level, region, source, day, terms, mentions, about);
  }

  private static PlacedDocument doc(
      int[] grains,
      int[] periods,
      int level,
      long region,
      Long source,
      int day,
      long[] terms,
      int[] mentions,
      boolean[] about) {
    PlacedDocument d = new PlacedDocument();
    d.setGrainNos(grains);
    d.setPeriodDays(periods);
    d.setLevelNo(level);
    d.setRegionNo(region);
    d.setSourceKey(source);
    d.setDay(day);
    d.setTermKeys(terms);
    d.setTermMentions(mentions);
    d.setTermAbout(about);
    return d;
  }

  /**
   * "cell/term" → mentions, documents, weighted documents, sources, first day, last day, documents
   * of the cell.
   */
  private static Map<String, List<Long>> byCellAndTerm(Iterator<CellTermCount> rows) {
    Map<String, List<Long>> out = new TreeMap<>();
    rows.forEachRemaining(
        r ->
            out.put(
                r.getGrainNo()
                    + ","
                    + r.getPeriodDay()
                    + ","
                    + r.getLevelNo()
                    + ","
                    + r.getRegionNo()
                    + "/"
                    + r.getTermKey(),
                List.of(
                    r.getTermMentions(),
                    r.getDocumentCount(),
                    r.getWeightedDocumentCount(),
                    r.getSourceCount(),
                    (long) r.getFirstDay(),
                    (long) r.getLastDay(),
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
    expected.put("0,98,1,370000/11", List.of(6L, 3L, 3L, 2L, 99L, 101L, 3L));
    expected.put("0,98,1,370000/22", List.of(1L, 1L, 1L, 1L, 100L, 100L, 3L));
    expected.put("0,98,2,371500/22", List.of(4L, 1L, 1L, 1L, 100L, 100L, 1L));
    assertEquals(expected, counted);
  }

  @Test
  void weightedDocumentsAreTheDocumentsAboutTheTerm() {
    // Topic 5 in one province cell: d1 mentions it 4 times and is about it, d2 twice and d3 once
    // without being about it (below the minimum salience). All three count as documents and
    // their 7 mentions are counted; one is a weighted document. Term 6 (a slogan) is always about.
    List<PlacedDocument> rows =
        List.of(
            doc(
                new int[] {4},
                new int[] {0},
                1,
                150000,
                1L,
                10,
                new long[] {5, 6},
                new int[] {4, 1},
                new boolean[] {true, true}),
            doc(
                new int[] {4},
                new int[] {0},
                1,
                150000,
                2L,
                11,
                new long[] {5},
                new int[] {2},
                new boolean[] {false}),
            doc(
                new int[] {4},
                new int[] {0},
                1,
                150000,
                3L,
                12,
                new long[] {5},
                new int[] {1},
                new boolean[] {false}));

    Map<String, List<Long>> counted = byCellAndTerm(CellCounter.count(rows.iterator()));

    assertEquals(
        Map.of(
            "4,0,1,150000/5",
            List.of(7L, 3L, 1L, 3L, 10L, 12L, 3L),
            "4,0,1,150000/6",
            List.of(1L, 1L, 1L, 1L, 10L, 10L, 3L)),
        counted);
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

    assertEquals(Map.of("4,0,0,0/5", List.of(20L, 20L, 20L, 10L, 0L, 19L, 21L)), counted);
  }

  @Test
  void aDocumentCountsOnceInItsCellOfEachGrain() {
    // d1 (day 40) and d2 (day 45) at prefecture 371500, both placed at grains 0 (periods 40 and
    // 45: two day cells) and 2 (period 31: one month cell); d2 is not placed at grain 1 (its
    // period there, 99, is ignored: no cell 1,99).
    List<PlacedDocument> rows =
        List.of(
            doc(
                new int[] {0, 1, 2},
                new int[] {40, 38, 31},
                2,
                371500,
                1L,
                40,
                new long[] {9},
                new int[] {2}),
            doc(
                new int[] {0, CellCounter.NOT_PLACED, 2},
                new int[] {45, 99, 31},
                2,
                371500,
                2L,
                45,
                new long[] {9},
                new int[] {5}));

    Map<String, List<Long>> counted = byCellAndTerm(CellCounter.count(rows.iterator()));

    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put("0,40,2,371500/9", List.of(2L, 1L, 1L, 1L, 40L, 40L, 1L));
    expected.put("0,45,2,371500/9", List.of(5L, 1L, 1L, 1L, 45L, 45L, 1L));
    expected.put("1,38,2,371500/9", List.of(2L, 1L, 1L, 1L, 40L, 40L, 1L));
    expected.put("2,31,2,371500/9", List.of(7L, 2L, 2L, 2L, 40L, 45L, 2L));
    assertEquals(expected, counted);
  }

  @Test
  void grainsWithoutTheirPeriodsAreAnError() {
    List<PlacedDocument> rows =
        List.of(doc(new int[] {0, 1}, new int[] {3}, 0, 0, null, 3, new long[0], new int[0]));
    assertThrows(IllegalArgumentException.class, () -> CellCounter.count(rows.iterator()));
  }

  @Test
  void agreesWithPlainMapsOnRandomDocuments() {
    // An oracle of nested maps and sets over random documents: 0 to 13 distinct sources per cell
    // and term (across the array-to-set switch), null sources, documents not placed at a grain,
    // cells without terms. Every row must match, and the rows must come out exactly once each.
    java.util.Random random = new java.util.Random(11);
    List<PlacedDocument> rows = new ArrayList<>();
    Map<String, long[]> totals = new TreeMap<>();
    Map<String, java.util.Set<Long>> sources = new TreeMap<>();
    Map<String, Long> cellDocuments = new TreeMap<>();
    for (int n = 0; n < 3_000; n++) {
      int[] grains = new int[3];
      int[] periods = new int[3];
      for (int g = 0; g < 3; g++) {
        grains[g] = random.nextInt(4) == 0 ? CellCounter.NOT_PLACED : g;
        periods[g] = random.nextInt(3);
      }
      int level = random.nextInt(2);
      long region = 370000 + (random.nextInt(3) == 0 ? random.nextInt(200) : random.nextInt(2));
      Long source = random.nextInt(5) == 0 ? null : (long) random.nextInt(13);
      int day = random.nextInt(400);
      int hits = random.nextInt(4);
      long[] terms = new long[hits];
      int[] mentions = new int[hits];
      boolean[] about = new boolean[hits];
      for (int i = 0; i < hits; i++) {
        terms[i] = i * 1_000_003L + random.nextInt(2);
        mentions[i] = 1 + random.nextInt(5);
        about[i] = random.nextBoolean();
      }
      rows.add(doc(grains, periods, level, region, source, day, terms, mentions, about));
      for (int g = 0; g < 3; g++) {
        if (grains[g] == CellCounter.NOT_PLACED) {
          continue;
        }
        String cell = g + "," + periods[g] + "," + level + "," + region;
        cellDocuments.merge(cell, 1L, Long::sum);
        for (int i = 0; i < hits; i++) {
          String key = cell + "/" + terms[i];
          long[] t =
              totals.computeIfAbsent(
                  key, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0});
          t[0] += mentions[i];
          t[1]++;
          t[2] = Math.min(t[2], day);
          t[3] = Math.max(t[3], day);
          t[4] += about[i] ? 1 : 0;
          java.util.Set<Long> s = sources.computeIfAbsent(key, k -> new java.util.HashSet<>());
          if (source != null) {
            s.add(source);
          }
        }
      }
    }
    Map<String, List<Long>> expected = new TreeMap<>();
    totals.forEach(
        (key, t) ->
            expected.put(
                key,
                List.of(
                    t[0],
                    t[1],
                    t[4],
                    (long) sources.get(key).size(),
                    t[2],
                    t[3],
                    cellDocuments.get(key.split("/")[0]))));

    List<CellTermCount> out = new ArrayList<>();
    CellCounter.count(rows.iterator()).forEachRemaining(out::add);

    assertEquals(expected, byCellAndTerm(out.iterator()));
    assertEquals(expected.size(), out.size(), "each (cell, term) once");
    java.util.Set<Integer> seen =
        new java.util.HashSet<>(sources.values().stream().map(java.util.Set::size).toList());
    assertEquals(
        true,
        seen.containsAll(List.of(0, 1, 2, 3, 8, 9, 13)),
        "sources per cell and term in the input: " + seen);
  }

  @Test
  void rowsAreAnIteratorThatEndsCleanly() {
    Iterator<CellTermCount> rows =
        CellCounter.count(
            List.of(
                    doc(0, 5, 0, 0, 1L, 5, new long[] {7, 8}, new int[] {1, 1}),
                    doc(1, 5, 0, 0, 1L, 5, new long[0], new int[0]))
                .iterator());
    assertEquals(true, rows.hasNext());
    assertEquals(true, rows.hasNext(), "asking twice does not skip a row");
    rows.next();
    rows.next();
    assertEquals(false, rows.hasNext(), "the cell without terms makes no row");
    assertThrows(java.util.NoSuchElementException.class, rows::next);
  }
}
