package io.lagline.bench.ingest;

import io.lagline.metrics.NearestRank;
import java.util.Arrays;

/**
 * Latency percentiles of one phase's accepted sends, nearest-rank, in milliseconds; NaN when none
 * was accepted.
 *
 * @param count the sends measured
 */
public record Latency(int count, double p50Ms, double p99Ms, double maxMs) {
  static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);

  /** The percentiles of {@code nanos} (not modified). */
  static Latency of(long[] nanos) {
    if (nanos.length == 0) {
      return NONE;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(
        sorted.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** The nearest-rank {@code q}-quantile of a sorted, non-empty array. */
  static long percentile(long[] sorted, double q) {
    return NearestRank.of(sorted, q);
  }
}
