package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.tifa.normalize.BucketPairs.BandRow;

class BucketPairsTest {
  private static List<String> pairs(int cap, BandRow... rows) {
    BucketPairs it = new BucketPairs(List.of(rows).iterator(), cap);
    List<String> out = new ArrayList<>();
    while (it.hasNext()) {
      long[] p = it.next();
      out.add(p[0] + "-" + p[1]);
    }
    return out;
  }

  @Test
  void aSmallBucketYieldsEveryPairEarlierFirst() {
    // Members 3, 5, 9 of one bucket: the three pairs of three records.
    assertEquals(
        List.of("3-5", "3-9", "5-9"),
        pairs(4, new BandRow(0, 7, 3), new BandRow(0, 7, 5), new BandRow(0, 7, 9)));
  }

  @Test
  void singleMembersYieldNothingAndBucketsStayApart() {
    // Band 0 bucket 1: {1} alone; band 0 bucket 2: {2, 4}; band 1 bucket 1 (same hash, other band):
    // {4, 6}.
    List<String> got =
        pairs(
            64,
            new BandRow(0, 1, 1),
            new BandRow(0, 2, 2),
            new BandRow(0, 2, 4),
            new BandRow(1, 1, 4),
            new BandRow(1, 1, 6));
    assertEquals(List.of("2-4", "4-6"), got);
  }

  @Test
  void aBucketOverTheCapPairsItsEarliestMemberOnly() {
    // Four members over a cap of 3: 10 with each of 11, 12, 13, not the three pairs among those.
    List<String> got =
        pairs(
            3,
            new BandRow(2, 5, 10),
            new BandRow(2, 5, 11),
            new BandRow(2, 5, 12),
            new BandRow(2, 5, 13));
    assertEquals(List.of("10-11", "10-12", "10-13"), got);
  }

  @Test
  void aBucketAtTheCapIsStillPairedWhole() {
    assertEquals(
        List.of("1-2", "1-3", "2-3"),
        pairs(3, new BandRow(0, 0, 1), new BandRow(0, 0, 2), new BandRow(0, 0, 3)));
  }

  @Test
  void aLargeBucketGrowsItsBuffer() {
    // 40 members over a cap of 100: 40 * 39 / 2 pairs; over a cap of 20: 39 star pairs.
    BandRow[] rows = new BandRow[40];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = new BandRow(3, -8, 100 + k);
    }
    assertEquals(780, pairs(100, rows).size());
    List<String> star = pairs(20, rows);
    assertEquals(39, star.size());
    assertEquals("100-139", star.get(38));
  }

  @Test
  void unsortedKeysAndExhaustionAreErrors() {
    assertThrows(
        IllegalArgumentException.class, () -> pairs(8, new BandRow(0, 1, 5), new BandRow(0, 1, 4)));
    BucketPairs empty = new BucketPairs(List.<BandRow>of().iterator(), 8);
    assertFalse(empty.hasNext());
    assertThrows(NoSuchElementException.class, empty::next);
    assertThrows(
        IllegalArgumentException.class, () -> new BucketPairs(List.<BandRow>of().iterator(), 1));
  }
}
