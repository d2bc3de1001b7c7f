package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * When the reconciler decides Cassandra is out and pauses intake, and how it probes for recovery.
 *
 * @param failureRatePercent share of write attempts within {@code window} that must fail for
 *     infrastructure reasons (timeouts, unreachable or overloaded nodes) to pause
 * @param minWrites attempts needed within {@code window} before the rate counts
 * @param window the sliding time window the rate is taken over
 * @param probeInterval while paused, how often one held write is let through as a probe
 */
public record OutageConfig(
    int failureRatePercent, int minWrites, Duration window, Duration probeInterval) {
  /** Default for {@code outage.failure-rate-percent}. */
  public static final int DEFAULT_FAILURE_RATE_PERCENT = 80;

  /** Default for {@code outage.min-writes}. */
  public static final int DEFAULT_MIN_WRITES = 20;

  /** Default for {@code outage.window}. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

  /** Default for {@code outage.probe-interval}. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(2);
}
