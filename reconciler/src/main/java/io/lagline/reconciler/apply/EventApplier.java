package io.lagline.reconciler.apply;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.lagline.event.Event;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one event: binds its rows through the mapping, writes each with retries, and completes
 * only when every row has a confirmed outcome. Events of one entity are written one after another
 * ({@link KeySequencer}), so the reconciler never contends with itself for a Paxos partition.
 * Transient and ambiguous failures are retried with exponential backoff and jitter; an ambiguous
 * one is resolved by re-issuing the same conditional write, whose answer tells what happened.
 * Permanent failures are not retried.
 */
public final class EventApplier {
  private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

  /** One line per confirmed row write, at DEBUG: the audit trail of what Cassandra accepted. */
  private static final Logger OUTCOMES = LoggerFactory.getLogger("lagline.outcomes");

  private final Mapping mapping;
  private final RowWriter writer;
  private final ReconcilerMetrics metrics;
  private final FailsafeExecutor<WriteOutcome> retries;
  private final WriteLimiter limiter;
  private final KeySequencer sequencer = new KeySequencer();
  private final Duration attemptTimeout;

  /**
   * @param mapping event types to tables
   * @param writer the Cassandra boundary
   * @param retry retry limits and backoff
   * @param scheduler runs the delayed retries
   * @param metrics where retries and row outcomes are counted
   * @param maxConcurrentWrites writes in flight at most; more wait for a slot
   * @param attemptTimeout how long one write attempt may take before it counts as ambiguous and is
   *     re-issued
   */
  public EventApplier(
      Mapping mapping,
      RowWriter writer,
      RetryConfig retry,
      ScheduledExecutorService scheduler,
      ReconcilerMetrics metrics,
      int maxConcurrentWrites,
      Duration attemptTimeout) {
    this.mapping = mapping;
    this.writer = writer;
    this.metrics = metrics;
    this.limiter = new WriteLimiter(maxConcurrentWrites, scheduler);
    this.attemptTimeout = attemptTimeout;
    RetryPolicy<WriteOutcome> policy =
        RetryPolicy.<WriteOutcome>builder()
            .handleIf(error -> ErrorClassifier.classify(error) != ErrorClass.PERMANENT)
            .withBackoff(retry.initialBackoff(), retry.maxBackoff())
            .withJitter(0.5)
            .withMaxAttempts(retry.maxAttempts())
            .onRetry(e -> metrics.retry(ErrorClassifier.classify(e.getLastException()).tag()))
            .build();
    this.retries = Failsafe.with(policy).with(scheduler);
  }

  /**
   * Applies the event.
   *
   * @return the confirmed result, or a failure: a {@link
   *     io.lagline.reconciler.mapping.MappingException} at once when the event does not fit the
   *     mapping, else the last write error once retries are spent
   */
  public CompletionStage<EventResult> apply(Event event, Map<String, String> attributes) {
    List<BoundRow> rows;
    try {
      rows = mapping.bind(event, attributes);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sequencer.submit(event.entityKey(), () -> write(rows, event));
  }

  private CompletionStage<EventResult> write(List<BoundRow> rows, Event event) {
    List<CompletableFuture<WriteOutcome>> writes = new ArrayList<>(rows.size());
    for (BoundRow row : rows) {
      writes.add(writeWithRetries(row, event));
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<WriteOutcome> outcomes = writes.stream().map(CompletableFuture::join).toList();
              return new EventResult(outcomes.get(0), outcomes);
            });
  }

  private CompletableFuture<WriteOutcome> writeWithRetries(BoundRow row, Event event) {
    long version = event.entityVersion();
    AtomicBoolean ambiguous = new AtomicBoolean();
    String table = row.write().table();
    return retries
        .getStageAsync(
            context -> {
              Throwable last = context.getLastException();
              if (last != null && ErrorClassifier.classify(last) == ErrorClass.AMBIGUOUS) {
                ambiguous.set(true);
                LOG.debug("re-issuing an ambiguous write to {} to learn its outcome", table);
              }
              // a write whose future never completes must not hold its message forever
              // the timeout starts when the write does, not while it waits for a slot
              return limiter.submit(
                  () ->
                      writer
                          .write(row, version)
                          .toCompletableFuture()
                          .orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS));
            })
        .thenApply(
            outcome -> {
              // our own earlier attempt may have landed: the re-issued write then sees its version,
              // which
              // is this event applied once, not a duplicate delivery
              WriteOutcome resolved =
                  ambiguous.get() && outcome == WriteOutcome.DUPLICATE
                      ? WriteOutcome.APPLIED
                      : outcome;
              metrics.rowOutcome(table, resolved.tag());
              OUTCOMES.debug(
                  "row outcome event_id={} table={} version={} outcome={}",
                  event.eventId(),
                  table,
                  version,
                  resolved.tag());
              return resolved;
            });
  }
}
