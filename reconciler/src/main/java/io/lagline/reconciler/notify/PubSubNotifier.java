package io.lagline.reconciler.notify;

import com.google.pubsub.v1.PubsubMessage;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.lagline.event.Event;
import io.lagline.pubsub.PublishTime;
import io.lagline.pubsub.republish.Republisher;
import io.lagline.reconciler.apply.Classification;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.config.ReconciledConfig;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.outage.RetryBudgetExhaustedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes notifications to the reconciled topic. A failed publish is retried like a write (the
 * same backoff and attempt limit, within the message's deadline), and every attempt's outcome feeds
 * an {@link OutageGuard}: when most recent publishes fail because Pub/Sub is unavailable,
 * publishing pauses (waiting is not an attempt, messages stay leased, none is acked or
 * dead-lettered) and resumes when a probe publish goes through. Every failure is transient here: a
 * good event is never dead-lettered for its notification.
 */
public final class PubSubNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubNotifier.class);

  private final Republisher publisher;
  private final ReconciledConfig config;
  private final OutageGuard guard;
  private final NotificationMetrics metrics;
  private final Clock clock;
  private final FailsafeExecutor<String> retries;

  /**
   * @param publisher publishes to the reconciled topic; closed with this notifier
   * @param config what is notified and how
   * @param retry the write retry policy, reused for publishes
   * @param guard pauses publishing while Pub/Sub is out; closed with this notifier
   * @param scheduler runs delayed retries
   * @param metrics where notifications are counted
   * @param clock the time a notification counts as confirmed at
   */
  public PubSubNotifier(
      Republisher publisher,
      ReconciledConfig config,
      RetryConfig retry,
      OutageGuard guard,
      ScheduledExecutorService scheduler,
      NotificationMetrics metrics,
      Clock clock) {
    this.publisher = publisher;
    this.config = config;
    this.guard = guard;
    this.metrics = metrics;
    this.clock = clock;
    RetryPolicy<String> policy =
        RetryPolicy.<String>builder()
            .abortOn(RetryBudgetExhaustedException.class)
            .withBackoff(retry.initialBackoff(), retry.maxBackoff())
            .withJitter(1.0)
            .withMaxAttempts(retry.maxAttempts())
            .build();
    this.retries = Failsafe.with(policy).with(scheduler);
  }

  @Override
  public CompletionStage<Void> notify(
      PubsubMessage original,
      Event event,
      EventResult result,
      Instant durableAt,
      long deadlineNanos) {
    String outcome = result.outcome().tag();
    if (!config.outcomes().contains(outcome)) {
      return CompletableFuture.completedFuture(null);
    }
    PubsubMessage notification;
    try {
      notification =
          NotificationMessage.build(
              original, event, result, durableAt, config.includePayload(), config.ordering());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return retries
        .getStageAsync(
            context -> {
              if (System.nanoTime() - deadlineNanos >= 0) {
                throw new RetryBudgetExhaustedException(
                    "the message's ack-extension budget is spent after "
                        + context.getAttemptCount()
                        + " notification attempt(s); last error: "
                        + context.getLastException());
              }
              return guard.permit(deadlineNanos).thenCompose(go -> attempt(notification));
            })
        .thenAccept(
            id -> {
              Duration visible =
                  Duration.between(PublishTime.of(original, durableAt), clock.instant());
              metrics.published(event.eventType(), outcome, visible);
            });
  }

  private CompletionStage<String> attempt(PubsubMessage notification) {
    long start = System.nanoTime();
    CompletableFuture<String> published;
    try {
      published = publisher.publish(notification);
    } catch (RuntimeException e) {
      published = CompletableFuture.failedFuture(e);
    }
    return published.whenComplete(
        (id, error) -> {
          if (error == null) {
            guard.record(false);
            metrics.publishLatency(System.nanoTime() - start);
            return;
          }
          Classification verdict = ErrorClassifier.classify(error);
          guard.record(!verdict.permanent());
          metrics.failed(verdict);
          LOG.debug(
              "notification publish to {} failed ({}): {}",
              publisher.topic(),
              verdict.reason(),
              error.toString());
          if (!notification.getOrderingKey().isEmpty()) {
            publisher.resumeOrdering(notification.getOrderingKey());
          }
        });
  }

  @Override
  public boolean paused() {
    return guard.paused();
  }

  @Override
  public void close() {
    guard.close();
    publisher.close();
  }
}
