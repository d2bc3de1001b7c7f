package io.lagline.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws ranks 0..n-1 with probability proportional to {@code 1 / (rank + 1)^s}: rank 0 is the
 * hottest key. Inverts a precomputed cumulative distribution by binary search.
 */
final class Zipf {
  private final double[] cumulative;
  private final Random random;

  Zipf(int n, double s, long seed) {
    if (n < 1 || !(s > 0)) {
      throw new IllegalArgumentException("n must be >= 1 and s > 0, was n=" + n + " s=" + s);
    }
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    random = new Random(seed);
  }

  /** The probability of {@code rank}. */
  double probability(int rank) {
    return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
  }

  /** The next rank. */
  int next() {
    int at = Arrays.binarySearch(cumulative, random.nextDouble());
    int rank = at >= 0 ? at : -at - 1;
    return Math.min(rank, cumulative.length - 1);
  }
}
