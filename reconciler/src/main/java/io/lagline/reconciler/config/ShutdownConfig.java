package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * How the reconciler stops on SIGTERM.
 *
 * @param drainTimeout how long in-flight messages may finish before the rest are nacked
 */
public record ShutdownConfig(Duration drainTimeout) {
  /** Default for {@code shutdown.drain-timeout}. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(25);
}
