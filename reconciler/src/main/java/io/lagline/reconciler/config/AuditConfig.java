package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * The convergence auditor: a second subscription on the same topic whose sampled events are checked
 * against Cassandra once their grace period has passed.
 *
 * @param enabled whether {@code reconciler run} starts the auditor
 * @param subscription full name of the auditor's own subscription on {@code pubsub.topic}, or null
 * @param sampleRate share of events checked, in (0, 1]
 * @param gracePeriod how long after its publish time an event is checked
 * @param repair whether a divergent event is republished to {@code pubsub.topic}
 * @param maxHeld sampled messages held waiting for their grace period at most (flow control)
 */
public record AuditConfig(
    boolean enabled,
    String subscription,
    double sampleRate,
    Duration gracePeriod,
    boolean repair,
    int maxHeld) {
  /** Default for {@code audit.enabled}: the auditor is opt-in. */
  public static final boolean DEFAULT_ENABLED = false;

  /** Default for {@code audit.repair}: report divergence, do not republish. */
  public static final boolean DEFAULT_REPAIR = false;

  /** Default for {@code audit.sample-rate}. */
  public static final double DEFAULT_SAMPLE_RATE = 0.1;

  /** Default for {@code audit.grace-period}. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

  /** Default for {@code audit.max-held}. */
  public static final int DEFAULT_MAX_HELD = 1000;
}
