package org.tifa.normalize;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The candidate pairs of LSH buckets, from band rows sorted by (band, bucket, key): every run of
 * rows with the same band and bucket is one bucket, its keys in ascending order. A bucket of two to
 * {@code maxBucketSize} members yields each pair (a, b) of its members with a &lt; b; a bigger one
 * yields its earliest (smallest) key paired with each other member, which keeps boilerplate shared
 * by thousands of texts linear. Pure and streaming: it holds one bucket at a time, so {@link
 * NearDuplicates} can run it over a partition sorted by Spark. A pair found in several bands comes
 * out once per band.
 */
final class BucketPairs implements Iterator<long[]> {
  /** One band row: the band's index, the bucket's hash in that band and the record's key. */
  record BandRow(int band, long bucket, long key) {}

  private final Iterator<BandRow> rows;
  private final int maxBucketSize;
  private BandRow lookahead;
  private long[] members = new long[16];
  private int size;
  private int i;
  private int j;

  BucketPairs(Iterator<BandRow> rows, int maxBucketSize) {
    if (maxBucketSize < 2) {
      throw new IllegalArgumentException("a bucket holds at least two records: " + maxBucketSize);
    }
    this.rows = rows;
    this.maxBucketSize = maxBucketSize;
    this.lookahead = rows.hasNext() ? rows.next() : null;
  }

  @Override
  public boolean hasNext() {
    while (!pending()) {
      if (lookahead == null) {
        return false;
      }
      nextBucket();
    }
    return true;
  }

  @Override
  public long[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long[] pair = {members[i], members[j]};
    if (++j == size) {
      // A star bucket pairs its first member only; a small one every member with the later ones.
      i = size > maxBucketSize ? size : i + 1;
      j = i + 1;
    }
    return pair;
  }

  private boolean pending() {
    return i < size - 1 && j < size;
  }

  /** Reads the next run of rows with one (band, bucket) into {@link #members}. */
  private void nextBucket() {
    BandRow first = lookahead;
    size = 0;
    long previous = Long.MIN_VALUE;
    while (lookahead != null
        && lookahead.band() == first.band()
        && lookahead.bucket() == first.bucket()) {
      if (size > 0 && lookahead.key() < previous) {
        throw new IllegalArgumentException("band rows not sorted by key within bucket " + first);
      }
      if (size == 0 || lookahead.key() != previous) {
        if (size == members.length) {
          members = Arrays.copyOf(members, size * 2);
        }
        members[size++] = lookahead.key();
        previous = lookahead.key();
      }
      lookahead = rows.hasNext() ? rows.next() : null;
    }
    i = 0;
    j = 1;
  }
}
