package org.tifa.compare;

import org.apache.commons.math3.special.Erf;

/**
 * The two-sided two-proportion z-test with the pooled proportion (normal approximation): did the
 * share of documents mentioning a term change between x1 of n1 and x2 of n2 documents? The z
 * statistic grows with the size of the samples, so one document more out of a thousand ranks far
 * below eighty more, whatever their relative changes.
 */
public final class TwoProportion {
  private TwoProportion() {}

  /**
   * z = (x2/n2 − x1/n1) / sqrt(p(1−p)(1/n1 + 1/n2)) with p = (x1+x2)/(n1+n2); 0 when p is 0 or 1
   * (both shares equal); null when either side has no documents (nothing to compare against).
   */
  public static Double z(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return null;
    }
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (variance <= 0) {
      return 0.0;
    }
    return ((double) x2 / n2 - (double) x1 / n1) / Math.sqrt(variance);
  }

  /**
   * Two-sided p-value of z under the standard normal: 2(1 − Φ(|z|)) = erfc(|z|/√2); null for null.
   */
  public static Double pValue(Double z) {
    return z == null ? null : Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }
}
