package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {
  private final MinHash minHash = new MinHash();

  private double estimate(String a, String b) {
    return MinHash.estimate(minHash.signature(a), minHash.signature(b));
  }

  @Test
  void identicalTextsAgreeEverywhere() {
    assertEquals(1.0, estimate(Articles.ORIGINAL, Articles.ORIGINAL));
  }

  @Test
  void textsWithNoCommonShingleBarelyAgree() {
    double e = estimate("一二三四五六七八九十百千万", "甲乙丙丁戊己庚辛壬癸子丑寅");
    assertTrue(e < 0.05, "estimate " + e);
  }

  @Test
  void theHelperCountsShinglesAsExpected() {
    // 10 characters give 6 five-character shingles; changing the last one replaces one of them.
    assertEquals(5.0 / 7, ShingleSets.jaccard("春眠不觉晓处处闻啼鸟", "春眠不觉晓处处闻啼鸡", 5));
  }

  @Test
  void theEstimateIsCloseToTheTrueSimilarity() {
    double truth = ShingleSets.jaccard(Articles.ORIGINAL, Articles.EDITED, 5);
    assertTrue(truth > 0.9 && truth < 1, "the fixture is a near copy: " + truth);
    assertEquals(truth, estimate(Articles.ORIGINAL, Articles.EDITED), 0.1);

    double unrelated = ShingleSets.jaccard(Articles.ORIGINAL, Articles.UNRELATED, 5);
    assertEquals(unrelated, estimate(Articles.ORIGINAL, Articles.UNRELATED), 0.1);
  }

  @Test
  void spacingAndPunctuationDoNotCount() {
    assertArrayEquals(minHash.signature("春眠不觉晓，处处闻啼鸟。"), minHash.signature("春眠 不觉晓\n处处闻啼鸟"));
  }

  @Test
  void aShortTextIsOneShingleAndAnEmptyOneHasNone() {
    assertEquals(128, minHash.signature("通知").length);
    assertArrayEquals(minHash.signature("通知"), minHash.signature("通 知！"));
    assertNotEquals(1.0, estimate("通知", "通告"));
    assertEquals(0, minHash.signature("——！ ").length);
    assertEquals(0, minHash.signature(null).length);
  }

  @Test
  void signaturesDoNotDependOnTheInstance() {
    assertArrayEquals(new MinHash(5, 128).signature(Articles.ORIGINAL), new MinHash(5, 128).signature(Articles.ORIGINAL));
  }

  @Test
  void equalBandsGiveEqualKeys() {
    long[] sig = minHash.signature(Articles.ORIGINAL);
    long[] keys = MinHash.bandKeys(sig, 16, 8);
    assertArrayEquals(keys, MinHash.bandKeys(minHash.signature(Articles.ORIGINAL), 16, 8));

    long[] changed = sig.clone();
    changed[20]++;
    long[] changedKeys = MinHash.bandKeys(changed, 16, 8);
    for (int b = 0; b < 16; b++) {
      if (b == 2) {
        assertNotEquals(keys[b], changedKeys[b], "row 20 is in band 2");
      } else {
        assertEquals(keys[b], changedKeys[b], "band " + b);
      }
    }
    assertEquals(0, MinHash.bandKeys(new long[0], 16, 8).length);
  }

  @Test
  void bandingForTheDefaultThresholdIsSixteenBandsOfEightRows() {
    MinHash.Banding banding = MinHash.Banding.forThreshold(128, 0.9);
    assertEquals(new MinHash.Banding(16, 8), banding);
    // 1 - (1 - s^8)^16, worked out apart from the code.
    assertEquals(0.99988, banding.candidateProbability(0.9), 1e-5);
    assertEquals(0.0607, banding.candidateProbability(0.5), 1e-4);
    assertEquals(0.00105, banding.candidateProbability(0.3), 1e-5);
  }

  /**
   * One-permutation hashing with densification must stay unbiased for short texts too, where many
   * of the 128 bins are empty and borrow a value. Random texts of 40 to 400 characters, each
   * paired with a copy whose tail is replaced; the truth is {@link ShingleSets#jaccard}.
   */
  @Test
  void theEstimateIsUnbiasedForShortAndLongTexts() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    double signedError = 0;
    double absoluteError = 0;
    int pairs = 300;
    for (int p = 0; p < pairs; p++) {
      int length = 40 + r.nextInt(360);
      StringBuilder a = new StringBuilder();
      for (int i = 0; i < length; i++) {
        a.append((char) (0x4e00 + r.nextInt(3000)));
      }
      StringBuilder b = new StringBuilder(a.substring(0, length - 1 - r.nextInt(length / 2)));
      while (b.length() < length) {
        b.append((char) (0x4e00 + r.nextInt(3000)));
      }
      double truth = ShingleSets.jaccard(a.toString(), b.toString(), 5);
      double error = estimate(a.toString(), b.toString()) - truth;
      signedError += error;
      absoluteError += Math.abs(error);
    }
    // Each estimate has a standard deviation of at most 0.5 / sqrt(128) = 0.044; over 300 pairs the
    // mean signed error should be within a few thousandths of zero, the mean absolute one near 0.03.
    assertEquals(0, signedError / pairs, 0.01, "bias");
    assertTrue(absoluteError / pairs < 0.04, "mean absolute error " + absoluteError / pairs);
  }
}
