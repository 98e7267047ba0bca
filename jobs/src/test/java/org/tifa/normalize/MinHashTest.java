package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    assertArrayEquals(
        new MinHash(5, 128).signature(Articles.ORIGINAL),
        new MinHash(5, 128).signature(Articles.ORIGINAL));
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
   * of the 128 bins are empty and borrow a value. Random texts of 40 to 400 characters, each paired
   * with a copy whose tail is replaced; the truth is {@link ShingleSets#jaccard}.
   */
  @Test
  void theEstimateIsUnbiasedForShortAndLongTexts() {
    SplittableRandom r = new SplittableRandom(11);
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
    // mean signed error should be within a few thousandths of zero, the mean absolute one near
    // 0.03.
    assertEquals(0, signedError / pairs, 0.01, "bias");
    assertTrue(absoluteError / pairs < 0.04, "mean absolute error " + absoluteError / pairs);
  }

  /**
   * The signature as the class comment defines it, written plainly: the letters and digits of the
   * text, every window of {@code k} of them hashed with 64-bit FNV-1a over its code points then the
   * MurmurHash3 finalizer, the bin the unsigned remainder of the hash by the size, the smallest
   * (unsigned) hash kept per bin, and an empty bin filled from the first filled bin its probe
   * sequence {@code p = fmix(p + golden)} reaches, starting from {@code fmix(golden * (i + 1))}.
   * Pins the values themselves: a changed signature changes which records fold in old snapshots.
   */
  private static long[] reference(String text, int k, int n) {
    List<Integer> kept = new ArrayList<>();
    if (text != null) {
      text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::add);
    }
    if (kept.isEmpty()) {
      return new long[0];
    }
    Map<Integer, Long> smallest = new HashMap<>();
    int width = Math.min(k, kept.size());
    for (int start = 0; start + width <= kept.size(); start++) {
      long h = 0xcbf29ce484222325L;
      for (int cp : kept.subList(start, start + width)) {
        h = (h ^ cp) * 0x100000001b3L;
      }
      long hash = fmix(h);
      smallest.merge(
          (int) Long.remainderUnsigned(hash, n),
          hash,
          (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
    }
    long[] sig = new long[n];
    for (int i = 0; i < n; i++) {
      long probe = fmix(0x9e3779b97f4a7c15L * (i + 1));
      int from = i;
      while (!smallest.containsKey(from)) {
        probe = fmix(probe + 0x9e3779b97f4a7c15L);
        from = (int) Long.remainderUnsigned(probe, n);
      }
      sig[i] = smallest.get(from);
    }
    return sig;
  }

  private static long fmix(long k) {
    k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
    k = (k ^ (k >>> 33)) * 0xc4ceb53fe1a87ec3L;
    return k ^ (k >>> 33);
  }

  /**
   * Han, Latin, digits, spaces, punctuation and characters beyond the BMP, 0 to {@code max} chars.
   */
  private static String randomText(SplittableRandom r, int max) {
    String pieces = "政协报乡村振兴攻坚突破年 ，。、“”()abcXYZ0123９\n";
    StringBuilder b = new StringBuilder();
    int length = r.nextInt(max + 1);
    while (b.length() < length) {
      if (r.nextInt(20) == 0) {
        b.appendCodePoint(0x20000 + r.nextInt(50));
      } else {
        b.append(pieces.charAt(r.nextInt(pieces.length())));
      }
    }
    return b.toString();
  }

  @Test
  void signaturesAreTheDefinedOnesAtEverySize() {
    SplittableRandom r = new SplittableRandom(5);
    for (int[] kn : new int[][] {{5, 128}, {3, 100}, {1, 7}, {5, 1}}) {
      MinHash m = new MinHash(kn[0], kn[1]);
      for (int t = 0; t < 400; t++) {
        String text = randomText(r, t % 50 == 0 ? 20_000 : 300);
        assertArrayEquals(
            reference(text, kn[0], kn[1]), m.signature(text), kn[0] + "/" + kn[1] + ": " + text);
      }
    }
  }

  @Test
  void aTitleAndBodyAreSignedAsOneTextJoinedByALineBreak() {
    SplittableRandom r = new SplittableRandom(6);
    for (int t = 0; t < 500; t++) {
      String title = t % 7 == 0 ? null : randomText(r, 40);
      String body = t % 11 == 0 ? null : randomText(r, 600);
      String joined = title == null ? body : body == null ? title : title + "\n" + body;
      assertArrayEquals(
          reference(joined, 5, 128), minHash.signature(title, body), title + " | " + body);
    }
    // Longer than the per-thread buffer the class keeps.
    String longBody = randomText(new SplittableRandom(7), 1_200_000);
    assertArrayEquals(reference("标题\n" + longBody, 5, 128), minHash.signature("标题", longBody));
  }

  @Test
  void theHanRangeTakenWithoutLookupIsAllLetters() {
    for (int cp = 0x4E00; cp <= 0x9FEF; cp++) {
      assertTrue(Character.isLetterOrDigit(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void aCompactValueIsTheHighHalfXorTheLowHalf() {
    // 0x12345678 ^ 0x9abcdef0 = 0x88888888, bit by bit; -1 folds to 0, as both halves are all ones.
    assertArrayEquals(
        new int[] {0x88888888, 0, 0x00000001},
        MinHash.compact(new long[] {0x123456789abcdef0L, -1L, 1L}));
    assertEquals(0, MinHash.compact(new long[0]).length);
  }

  @Test
  void compactSignaturesEstimateAsTheFullOnes() {
    List<String> texts =
        List.of(
            Articles.ORIGINAL,
            Articles.TITLE + "\n" + Articles.BODY_EDITED,
            Articles.TITLE + "\n" + Articles.BODY_FOOTER,
            Articles.UNRELATED,
            Articles.NOTICE_BODY,
            Articles.CHAIN_A,
            Articles.CHAIN_B,
            Articles.CHAIN_C,
            "春眠不觉晓处处闻啼鸟");
    int pairs = 0;
    for (String a : texts) {
      for (String b : texts) {
        long[] x = minHash.signature(a);
        long[] y = minHash.signature(b);
        assertEquals(
            MinHash.estimate(x, y),
            MinHash.estimate(MinHash.compact(x), MinHash.compact(y)),
            a + " | " + b);
        pairs++;
      }
    }
    assertEquals(81, pairs);
    assertTrue(
        MinHash.estimate(
                MinHash.compact(minHash.signature(Articles.ORIGINAL)),
                MinHash.compact(minHash.signature(Articles.UNRELATED)))
            < 0.2);
  }
}
