package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * In-process retries of a failed Cassandra write before the message is handed back to Pub/Sub.
 *
 * @param maxAttempts attempts per write, the first included (waiting out an outage pause is not an
 *     attempt); the message's ack-extension budget bounds them too
 * @param initialBackoff delay before the first retry; doubles each time
 * @param maxBackoff the longest delay between two attempts
 */
public record RetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Default for {@code retry.max-attempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 10;

  /** Default for {@code retry.initial-backoff}. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

  /** Default for {@code retry.max-backoff}. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
}
