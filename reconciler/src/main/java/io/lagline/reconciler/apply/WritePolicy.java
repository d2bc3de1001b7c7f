package io.lagline.reconciler.apply;

import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.config.WriteConcurrency;
import java.time.Duration;

/**
 * How the applier writes: retries, concurrency and per-attempt timeout.
 *
 * @param retry attempts and backoff of a failed write
 * @param concurrency how many writes may be in flight; more wait for a slot
 * @param attemptTimeout how long one write attempt may take before it counts as ambiguous and is
 *     re-issued
 * @param coalesce whether waiting versions of one entity are folded into the newest
 *     (upsert-if-newer only; see {@link Coalescer})
 */
public record WritePolicy(
    RetryConfig retry, WriteConcurrency concurrency, Duration attemptTimeout, boolean coalesce) {}
