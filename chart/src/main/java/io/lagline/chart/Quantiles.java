package io.lagline.chart;

import java.util.Map;
import java.util.TreeMap;

/**
 * A quantile from cumulative histogram buckets, interpolated linearly within a bucket as
 * Prometheus' {@code histogram_quantile} does.
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * @param cumulative upper bound → observations at or below it (may include +Inf)
   * @param q 0..1
   * @return the quantile, NaN when there are no observations; the highest finite bound when it
   *     falls in the +Inf bucket
   */
  static double of(TreeMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
      return Double.NaN;
    }
    double rank = q * cumulative.lastEntry().getValue();
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = bucket.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return lowerBound + (bucket.getKey() - lowerBound) * fraction;
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound;
  }
}
