package org.tifa.normalize;

import java.io.Serializable;

/**
 * What near-duplicate detection needs of one record, worked out with its other per-document work:
 * its MinHash signature of title and body ({@link MinHash#compact}: the records are shuffled three
 * times with it, and at 64 bits a value it would be most of their bytes) and its LSH band keys (of
 * the full signature).
 */
public final class NearDuplicateSigner implements Serializable {
  private static final long serialVersionUID = 1L;

  private final MinHash minHash;
  private final MinHash.Banding banding;

  public NearDuplicateSigner(NearDuplicates.Settings settings) {
    minHash = new MinHash(settings.shingleChars(), settings.minhashSize());
    banding = MinHash.Banding.forThreshold(settings.minhashSize(), settings.threshold());
  }

  /** A record's signature and band keys; both are empty for a record without a letter or digit. */
  public record Signed(int[] signature, long[] bands) {}

  public Signed sign(String title, String body) {
    long[] sig = minHash.signature(title, body);
    long[] bands = sig.length == 0 ? sig : MinHash.bandKeys(sig, banding.bands(), banding.rows());
    return new Signed(MinHash.compact(sig), bands);
  }
}
