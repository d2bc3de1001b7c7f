package io.lagline.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Percentiles of the reconciler's consistency-lag histogram, interpolated within buckets the way
 * Prometheus' {@code histogram_quantile} does, so the demo prints what a Grafana panel would show.
 */
public final class LagPercentiles {
  private LagPercentiles() {}

  /**
   * The {@code q}-quantile (0..1) in milliseconds over every event type; 0 when nothing was
   * recorded.
   */
  public static double millis(MeterRegistry registry, double q) {
    return millis(registry.find("lagline.reconciler.consistency.lag").timers(), q);
  }

  static double millis(Collection<Timer> timers, double q) {
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    double total = 0;
    for (Timer timer : timers) {
      HistogramSnapshot snapshot = timer.takeSnapshot();
      total += snapshot.count();
      for (CountAtBucket bucket : snapshot.histogramCounts()) {
        cumulative.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
      }
    }
    return interpolate(cumulative, total, q);
  }

  /**
   * Interpolates a quantile from cumulative bucket counts (upper bound in ms → observations at or
   * below it). Observations above the last bucket are reported as the last bucket's bound (as
   * Prometheus does).
   */
  public static double interpolate(TreeMap<Double, Double> cumulative, double total, double q) {
    if (total <= 0) {
      return 0;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (var entry : cumulative.entrySet()) {
      if (entry.getValue() >= rank) {
        double inBucket = entry.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return lowerBound + (entry.getKey() - lowerBound) * fraction;
      }
      lowerBound = entry.getKey();
      lowerCount = entry.getValue();
    }
    return lowerBound;
  }
}
