package io.lagline.metrics;

import java.time.Duration;

/**
 * The buckets of every lag histogram Lagline exports (consistency lag, visible lag, notification
 * publish latency), chosen for SLOs from 10 ms to 10 min, so their quantiles compare bucket for
 * bucket on one dashboard panel.
 */
public final class LagBuckets {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
    Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
  };

  private LagBuckets() {}

  /** The bucket bounds, shortest first; a fresh copy. */
  public static Duration[] bounds() {
    return BUCKETS.clone();
  }
}
