package io.lagline.reconciler.apply;

import io.lagline.reconciler.config.RetryConfig;
import java.time.Duration;

/**
 * How the applier writes: retries, concurrency and per-attempt timeout.
 *
 * @param retry attempts and backoff of a failed write
 * @param maxConcurrentWrites writes in flight at most; more wait for a slot
 * @param attemptTimeout how long one write attempt may take before it counts as ambiguous and is
 *     re-issued
 */
public record WritePolicy(RetryConfig retry, int maxConcurrentWrites, Duration attemptTimeout) {}
