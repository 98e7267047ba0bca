package org.tifa.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongMapTest {
  @Test
  void storesEachKeyOnceAndCreatesOnlyForNewKeys() {
    LongMap<StringBuilder> map = new LongMap<>();
    StringBuilder zero = map.computeIfAbsent(0, k -> new StringBuilder("zero"));
    assertSame(zero, map.computeIfAbsent(0, k -> new StringBuilder("again")));
    map.computeIfAbsent(-1, k -> new StringBuilder("minus one"));
    map.computeIfAbsent(Long.MIN_VALUE, k -> new StringBuilder("min"));
    assertEquals(3, map.size());
    assertEquals(
        "min", map.computeIfAbsent(Long.MIN_VALUE, k -> new StringBuilder("x")).toString());
    assertThrows(IllegalArgumentException.class, () -> map.computeIfAbsent(5, k -> null));
  }

  @Test
  void agreesWithJavaHashMapOnManyKeysThatShareLowOrHighBits() {
    // Keys that differ only in their high 32 bits, or only in the low bits, plus random ones;
    // counted in both maps, which must then hold the same keys and counts.
    Random random = new Random(7);
    LongMap<long[]> map = new LongMap<>();
    Map<Long, Long> oracle = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      long key =
          switch (i % 3) {
            case 0 -> (long) (i % 997) << 32;
            case 1 -> i % 1_009;
            default -> random.nextLong();
          };
      map.computeIfAbsent(key, k -> new long[1])[0]++;
      oracle.merge(key, 1L, Long::sum);
    }
    Map<Long, Long> got = new HashMap<>();
    for (int slot = map.nextSlot(0); slot >= 0; slot = map.nextSlot(slot + 1)) {
      got.put(map.keyAt(slot), map.valueAt(slot)[0]);
    }
    assertEquals(oracle.size(), map.size());
    assertEquals(oracle, got);
  }
}
