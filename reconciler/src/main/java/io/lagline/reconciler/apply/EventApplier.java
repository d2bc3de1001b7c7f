package io.lagline.reconciler.apply;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.lagline.event.Event;
import io.lagline.reconciler.audit.AuditSubscriber;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.outage.RetryBudgetExhaustedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one event: binds its rows through the mapping, writes each with retries, and completes
 * only when every row has a confirmed outcome. Events of one entity are written one after another
 * ({@link KeySequencer}), so the reconciler never contends with itself for a Paxos partition.
 * Transient and ambiguous failures are retried with exponential backoff and full jitter (Failsafe),
 * within the attempt limit and the message's deadline; an ambiguous one is resolved by re-issuing
 * the same conditional write, whose answer tells what happened. While the {@link OutageGuard} holds
 * writes back, waiting is not an attempt. Permanent failures are not retried.
 */
public final class EventApplier {
  private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

  /**
   * One line per confirmed row write, at DEBUG: the audit trail of what Cassandra answered. The
   * outcome is Cassandra's own answer to the last attempt ({@code applied} only when its condition
   * held), with {@code after_ambiguous=true} and the first such attempt's reason ({@code
   * ambiguous_reason=cas_unknown}, {@code write_timeout} or {@code client_timeout}; {@code -} when
   * none) when an earlier attempt's fate was unknown.
   */
  private static final Logger OUTCOMES = LoggerFactory.getLogger("lagline.outcomes");

  private final Mapping mapping;
  private final RowWriter writer;
  private final WriteMetrics metrics;
  private final OutageGuard guard;
  private final FailsafeExecutor<RowResult> retries;
  private final WriteLimiter limiter;
  private final KeySequencer sequencer = new KeySequencer();
  private final Coalescer coalescer;
  private final long attemptTimeoutMillis;

  /**
   * @param mapping event types to tables
   * @param writer the Cassandra boundary
   * @param policy retries, concurrency and attempt timeout
   * @param guard holds writes back while Cassandra is out
   * @param scheduler runs queued writes and delayed retries
   * @param metrics where retries and row outcomes are counted
   */
  public EventApplier(
      Mapping mapping,
      RowWriter writer,
      WritePolicy policy,
      OutageGuard guard,
      ScheduledExecutorService scheduler,
      WriteMetrics metrics) {
    this.mapping = mapping;
    this.writer = writer;
    this.metrics = metrics;
    this.guard = guard;
    this.limiter =
        new WriteLimiter(WriteLimits.of(policy.concurrency()), scheduler, WriteLimits::signal);
    metrics.writeLimiter(limiter::limit, limiter::inFlight);
    this.attemptTimeoutMillis = policy.attemptTimeout().toMillis();
    this.coalescer = policy.coalesce() ? new Coalescer(sequencer, this::write) : null;
    RetryPolicy<RowResult> retry =
        RetryPolicy.<RowResult>builder()
            .handleIf(error -> !ErrorClassifier.classify(error).permanent())
            .abortOn(RetryBudgetExhaustedException.class)
            .withBackoff(policy.retry().initialBackoff(), policy.retry().maxBackoff())
            .withJitter(1.0)
            .withMaxAttempts(policy.retry().maxAttempts())
            .onRetry(
                e -> {
                  Classification verdict = ErrorClassifier.classify(e.getLastException());
                  metrics.retry(verdict.errorClass().tag(), verdict.reason());
                })
            .build();
    this.retries = Failsafe.with(retry).with(scheduler);
  }

  /**
   * Applies the event.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value after which no attempt starts (the
   *     message's ack-extension budget)
   * @return the confirmed result, or a failure: a {@link
   *     io.lagline.reconciler.mapping.MappingException} at once when the event does not fit the
   *     mapping, else the last write error once attempts or the budget are spent
   */
  public CompletionStage<EventResult> apply(
      Event event, Map<String, String> attributes, long deadlineNanos) {
    List<BoundRow> rows;
    try {
      rows = mapping.bind(event, attributes);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (attributes.containsKey(AuditSubscriber.REPAIR_OF)) {
      // republished because Cassandra did not reflect it: what was remembered about its rows is
      // not to be trusted, only a fresh answer
      return sequencer.submit(
          event.entityKey(),
          () -> {
            rows.forEach(writer::forget);
            return write(rows, event, deadlineNanos);
          });
    }
    if (coalescer != null && Coalescer.coalescible(rows)) {
      return coalescer.submit(event, rows, deadlineNanos);
    }
    return sequencer.submit(event.entityKey(), () -> write(rows, event, deadlineNanos));
  }

  private CompletionStage<EventResult> write(List<BoundRow> rows, Event event, long deadline) {
    List<CompletableFuture<RowResult>> writes = new ArrayList<>(rows.size());
    for (BoundRow row : rows) {
      writes.add(writeWithRetries(row, event, deadline));
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<RowResult> results = writes.stream().map(CompletableFuture::join).toList();
              return new EventResult(
                  results.get(0).outcome(),
                  results.stream().map(RowResult::outcome).toList(),
                  rows.stream().map(r -> r.write().table()).toList(),
                  results.get(0).heldVersion());
            });
  }

  private CompletableFuture<RowResult> writeWithRetries(BoundRow row, Event event, long deadline) {
    AtomicReference<String> ambiguous = new AtomicReference<>();
    String table = row.write().table();
    return retries
        .getStageAsync(
            context -> {
              Throwable last = context.getLastException();
              Classification verdict = last == null ? null : ErrorClassifier.classify(last);
              if (verdict != null && verdict.errorClass() == ErrorClass.AMBIGUOUS) {
                ambiguous.compareAndSet(null, verdict.reason());
                LOG.debug("re-issuing an ambiguous write to {} to learn its outcome", table);
              }
              if (System.nanoTime() - deadline >= 0) {
                throw new RetryBudgetExhaustedException(
                    "the message's ack-extension budget is spent after "
                        + context.getAttemptCount()
                        + " attempt(s); last error: "
                        + last);
              }
              return guard.permit(deadline).thenCompose(go -> attempt(row, event));
            })
        .thenApply(outcome -> resolved(table, event, ambiguous.get(), outcome));
  }

  /** One write attempt, once the guard lets it start; its outcome is reported to the guard. */
  private CompletionStage<RowResult> attempt(BoundRow row, Event event) {
    // a write whose future never completes must not hold its message forever; the timeout starts
    // when the write does, not while it waits for a slot
    return limiter
        .submit(
            () ->
                writer
                    .writeAndReport(row, event.entityVersion())
                    .toCompletableFuture()
                    .orTimeout(attemptTimeoutMillis, TimeUnit.MILLISECONDS))
        .whenComplete(
            (outcome, error) ->
                guard.record(error != null && ErrorClassifier.classify(error).infrastructure()));
  }

  private RowResult resolved(String table, Event event, String ambiguous, RowResult result) {
    // our own earlier attempt may have landed: the re-issued write then sees its version, which is
    // this event applied once, not a duplicate delivery
    WriteOutcome outcome = result.outcome();
    WriteOutcome resolved =
        ambiguous != null && outcome == WriteOutcome.DUPLICATE ? WriteOutcome.APPLIED : outcome;
    metrics.rowOutcome(table, resolved.tag());
    if (OUTCOMES.isDebugEnabled()) {
      OUTCOMES.debug(
          "row outcome event_id={} table={} version={} outcome={} after_ambiguous={}"
              + " ambiguous_reason={}",
          event.eventId(),
          table,
          event.entityVersion(),
          outcome.tag(),
          ambiguous != null,
          ambiguous == null ? "-" : ambiguous);
    }
    return new RowResult(resolved, result.heldVersion());
  }
}
