package org.tifa.normalize;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * MinHash signatures of a text's character shingles, and the LSH band keys made from them.
 *
 * <p>Shingles are runs of {@code k} consecutive letters and digits (code points); whitespace,
 * punctuation and symbols are skipped, so re-spacing or re-punctuating a copy changes nothing. A
 * text with fewer than {@code k} such characters is one shingle; a text with none has no shingles
 * and an empty signature, which matches nothing.
 *
 * <p>Each shingle is hashed once to 64 bits (FNV-1a then the MurmurHash3 finalizer), and the
 * signature is a one-permutation MinHash (Li, Owen and Zhang, 2012): the hash picks one of the
 * {@code n} bins and the bin keeps the smallest hash that falls into it. That is one hash per
 * shingle instead of {@code n}, which matters: with 128 rows the classic scheme spent more time
 * than the whole rest of normalization. A bin no shingle fell into borrows the value of a non-empty
 * bin chosen by a fixed pseudo-random probe sequence of its own index (optimal densification,
 * Shrivastava, 2017), so two texts' bins still agree with probability equal to their Jaccard
 * similarity, and the same text gives the same signature in every JVM. The fraction of agreeing
 * rows ({@link #estimate}) is then an estimate with standard deviation close to {@code
 * sqrt(s(1-s)/n)}: about 0.027 at s = 0.9 with n = 128. A pair whose true similarity sits right at
 * the threshold is therefore kept or not about equally often; pairs a few hundredths above it are
 * found reliably.
 *
 * <p>Banding: the signature is cut into {@code b} bands of {@code r} rows, and two texts become
 * candidates when all rows of at least one band agree, which happens with probability {@code 1 - (1
 * - s^r)^b}. {@link Banding#forThreshold} picks the largest {@code r} (fewest candidates below the
 * threshold) for which that probability at the threshold exceeds {@code 1 - MISS}. For n = 128 and
 * a threshold of 0.9 that is 16 bands of 8 rows: a pair at s = 0.9 is a candidate with probability
 * 1 - (1 - 0.9^8)^16 = 0.99988, one at s = 0.5 with 1 - (1 - 0.5^8)^16 = 0.061, at s = 0.3 with
 * 0.0010. (9 rows would leave 14 bands and 0.9989 at s = 0.9, under the target.) Candidates are
 * verified with {@link #estimate} afterwards, so the banding only decides how much work
 * verification gets, not what is accepted.
 *
 * <p>Immutable, hence thread-safe.
 */
public final class MinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_SHINGLE = 5;
  public static final int DEFAULT_SIZE = 128;

  /** Highest accepted chance that a pair exactly at the threshold never becomes a candidate. */
  public static final double MISS = 1e-3;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private final int shingle;
  private final long[] seeds;

  /**
   * {@code size - 1} when the size is a power of two (the unsigned remainder is then the low bits),
   * else -1.
   */
  private final long binMask;

  public MinHash(int shingle, int size) {
    if (shingle < 1 || size < 1) {
      throw new IllegalArgumentException(
          "shingle and size must be positive, got " + shingle + ", " + size);
    }
    this.shingle = shingle;
    this.seeds = new long[size];
    for (int i = 0; i < size; i++) {
      seeds[i] = fmix64(GOLDEN * (i + 1));
    }
    this.binMask = Long.bitCount(size) == 1 ? size - 1 : -1;
  }

  public MinHash() {
    this(DEFAULT_SHINGLE, DEFAULT_SIZE);
  }

  public int size() {
    return seeds.length;
  }

  /**
   * The signature of {@code text}: {@link #size()} values, or none when it has no letter or digit.
   */
  public long[] signature(String text) {
    return signature(text, null);
  }

  /**
   * The signature of {@code first} and {@code second} joined by a line break (either may be null),
   * without joining them: a line break is neither letter nor digit, so the shingles run on from the
   * first text's letters and digits into the second's.
   */
  public long[] signature(String first, String second) {
    int need = length(first) + length(second);
    int[] kept = BUFFER.get();
    if (kept.length < need) {
      kept = new int[Math.max(need, 2 * kept.length)];
      if (kept.length <= KEPT_BUFFER) {
        BUFFER.set(kept);
      }
    }
    int count = lettersAndDigits(first, kept, 0);
    count = lettersAndDigits(second, kept, count);
    if (count == 0) {
      return new long[0];
    }
    int n = seeds.length;
    long[] bins = new long[n];
    Arrays.fill(bins, Long.MAX_VALUE);
    boolean[] filled = new boolean[n];
    int width = Math.min(shingle, count);
    for (int start = 0; start + width <= count; start++) {
      long h = FNV_OFFSET;
      for (int j = start; j < start + width; j++) {
        h = (h ^ kept[j]) * FNV_PRIME;
      }
      h = fmix64(h);
      int bin = bin(h);
      if (Long.compareUnsigned(h, bins[bin]) < 0 || !filled[bin]) {
        bins[bin] = h;
        filled[bin] = true;
      }
    }
    // Empty bins borrow from filled ones only, so they can be written in place.
    for (int i = 0; i < n; i++) {
      if (!filled[i]) {
        long probe = seeds[i];
        int from;
        do {
          probe = fmix64(probe + GOLDEN);
          from = bin(probe);
        } while (!filled[from]);
        bins[i] = bins[from];
      }
    }
    return bins;
  }

  /**
   * The unsigned remainder of {@code h} by the size: a mask when the size allows, not a division.
   */
  private int bin(long h) {
    return (int) (binMask >= 0 ? h & binMask : Long.remainderUnsigned(h, seeds.length));
  }

  /**
   * Per-thread room for a text's code points, kept up to {@link #KEPT_BUFFER}: not one array per
   * document.
   */
  private static final int KEPT_BUFFER = 1 << 20;

  private static final ThreadLocal<int[]> BUFFER = ThreadLocal.withInitial(() -> new int[1 << 12]);

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  /**
   * Appends the code points of {@code text} that are letters or digits to {@code out} from {@code
   * count}; returns the new count. {@code out} has room for one per char.
   */
  private static int lettersAndDigits(String text, int[] out, int count) {
    if (text == null) {
      return count;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      // Common Han ideographs (letters in every Unicode version Java 17 and later know) skip the
      // lookup.
      if ((cp >= 0x4E00 && cp <= 0x9FEF) || Character.isLetterOrDigit(cp)) {
        out[count++] = cp;
      }
    }
    return count;
  }

  /** Estimated Jaccard similarity: the share of rows on which two signatures agree. */
  public static double estimate(long[] a, long[] b) {
    return agreement(a.length, b.length, i -> a[i] == b[i]);
  }

  /**
   * A signature in half the bytes, for storing and comparing: each 64-bit value folded to 32 bits
   * (high half XOR low half). Values that agree still agree; two that differ agree after folding
   * with a chance of about 2^-32 (the values are well-mixed hashes), so {@link #estimate(int[],
   * int[])} of compact signatures is that of the full ones but for a row in four billion.
   */
  public static int[] compact(long[] signature) {
    int[] out = new int[signature.length];
    for (int i = 0; i < out.length; i++) {
      long v = signature[i];
      out[i] = (int) (v ^ (v >>> 32));
    }
    return out;
  }

  /** {@link #estimate(long[], long[])} of {@link #compact} signatures. */
  public static double estimate(int[] a, int[] b) {
    return agreement(a.length, b.length, i -> a[i] == b[i]);
  }

  /**
   * The share of {@code rows} (both signatures' length) on which {@code agree} holds; 0 for none.
   */
  private static double agreement(int rows, int otherRows, IntPredicate agree) {
    if (rows != otherRows) {
      throw new IllegalArgumentException(
          "signatures of different sizes: " + rows + ", " + otherRows);
    }
    if (rows == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < rows; i++) {
      if (agree.test(i)) {
        same++;
      }
    }
    return (double) same / rows;
  }

  /**
   * One key per band of {@code rows} consecutive rows; equal bands give equal keys, and keys of
   * different bands differ even for equal values. Rows beyond {@code bands * rows} are unused.
   */
  public static long[] bandKeys(long[] signature, int bands, int rows) {
    if (signature.length == 0) {
      return new long[0];
    }
    if (bands < 1 || rows < 1 || (long) bands * rows > signature.length) {
      throw new IllegalArgumentException(
          bands + " bands of " + rows + " rows do not fit " + signature.length);
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = fmix64(GOLDEN ^ b);
      for (int r = 0; r < rows; r++) {
        h = fmix64(h * FNV_PRIME ^ signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** How a signature is cut into bands for LSH; see the class comment. */
  public record Banding(int bands, int rows) implements Serializable {
    public static Banding forThreshold(int size, double threshold) {
      for (int rows = size; rows > 1; rows--) {
        Banding b = new Banding(size / rows, rows);
        if (b.candidateProbability(threshold) > 1 - MISS) {
          return b;
        }
      }
      return new Banding(size, 1);
    }

    /** Chance that two texts of Jaccard similarity {@code s} share at least one band. */
    public double candidateProbability(double s) {
      return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }
  }

  /** The MurmurHash3 64-bit finalizer: a bijection that spreads every input bit over the output. */
  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb53fe1a87ec3L;
    k ^= k >>> 33;
    return k;
  }
}
