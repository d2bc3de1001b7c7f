package io.lagline.metrics;

/** Nearest-rank quantiles of measured values, as the demo and the benchmark report them. */
public final class NearestRank {
  private NearestRank() {}

  /**
   * The {@code q}-quantile of {@code sorted} (ascending, not empty): the smallest value with at
   * least {@code q} of the values at or below it; {@code q} = 0 gives the smallest.
   */
  public static long of(long[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }
}
