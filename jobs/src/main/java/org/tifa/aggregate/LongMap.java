package org.tifa.aggregate;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * A hash map from primitive longs to objects, by open addressing with linear probing: no boxed key
 * and no entry object per mapping. {@link CellCounter} does one lookup per document, cell and term
 * hit, and {@code java.util.HashMap<Long, ?>} spent most of that time boxing and walking bins. Keys
 * are mixed before probing, so keys that differ only in some bits still spread.
 */
final class LongMap<V> {
  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;

  LongMap() {
    this(8);
  }

  LongMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, made by {@code create} and stored when the key is new. */
  @SuppressWarnings("unchecked")
  V computeIfAbsent(long key, LongFunction<V> create) {
    int slot = slot(key);
    while (values[slot] != null) {
      if (keys[slot] == key) {
        return (V) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    V value = create.apply(key);
    if (value == null) {
      throw new IllegalArgumentException("null value for key " + key);
    }
    keys[slot] = key;
    values[slot] = value;
    if (++size * 2 > keys.length) {
      grow();
    }
    return value;
  }

  /**
   * The first occupied slot at or after {@code from}, or -1; with {@link #keyAt} and {@link
   * #valueAt} it walks the mappings in no particular order.
   */
  int nextSlot(int from) {
    for (int i = Math.max(0, from); i < values.length; i++) {
      if (values[i] != null) {
        return i;
      }
    }
    return -1;
  }

  long keyAt(int slot) {
    return keys[slot];
  }

  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = slot(oldKeys[i]);
        while (values[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
    Arrays.fill(oldValues, null);
  }
}
