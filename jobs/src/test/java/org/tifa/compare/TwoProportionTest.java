package org.tifa.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values worked out with a calculator from the formula in the class comment. */
class TwoProportionTest {

  @Test
  void zGrowsWithTheEvidenceNotWithTheRelativeChange() {
    // 100 → 180 of 1,000: pooled .14, variance .14 × .86 × (2/1000) = .0002408, sd .0155177, z
    // .08/.0155177.
    double big = TwoProportion.z(100, 1000, 180, 1000);
    assertEquals(5.1554, big, 1e-4);
    // 1 → 2 of 1,000 (+100%, more than +80%): pooled .0015, variance .0015 × .9985 × .002, z
    // .001/.0017308.
    double small = TwoProportion.z(1, 1000, 2, 1000);
    assertEquals(0.5778, small, 1e-4);
    assertTrue(big > small);
    // Falls are negative: 9 → 1 of 10, pooled .5, variance .25 × .2 = .05, z −.8/.22361.
    assertEquals(-3.5777, TwoProportion.z(9, 10, 1, 10), 1e-4);
  }

  @Test
  void equalSharesOfNothingOrOfEverythingAreZeroAndAnEmptySideIsNull() {
    assertEquals(0.0, TwoProportion.z(0, 5, 0, 7));
    assertEquals(0.0, TwoProportion.z(4, 4, 9, 9));
    assertNull(
        TwoProportion.z(0, 0, 3, 3), "no base documents in the region: nothing to test against");
    assertNull(TwoProportion.z(2, 2, 0, 0));
  }

  @Test
  void pValueIsTwoSided() {
    assertEquals(1.0, TwoProportion.pValue(0.0), 1e-12);
    // Φ(1.959964) = .975: two-sided .05, whichever the sign.
    assertEquals(0.05, TwoProportion.pValue(1.959964), 1e-6);
    assertEquals(0.05, TwoProportion.pValue(-1.959964), 1e-6);
    // Φ(3) = .998650: 2 × .001350.
    assertEquals(0.0026998, TwoProportion.pValue(3.0), 1e-6);
    assertNull(TwoProportion.pValue(null));
  }
}
