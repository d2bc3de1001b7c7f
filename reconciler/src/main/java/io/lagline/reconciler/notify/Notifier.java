package io.lagline.reconciler.notify;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.reconciler.apply.EventResult;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes the reconciled stream's notification of a settled event (docs/CONTRACT.md). The message
 * handler acks the original only once the returned stage completes, so a crash in between loses
 * nothing: the original is redelivered and notified again.
 */
public interface Notifier extends AutoCloseable {
  /** No reconciled stream: every event is settled without a notification. */
  Notifier NONE =
      new Notifier() {
        @Override
        public CompletionStage<Void> notify(
            PubsubMessage original,
            Event event,
            EventResult result,
            Instant durableAt,
            long deadlineNanos) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean paused() {
          return false;
        }

        @Override
        public void close() {}
      };

  /**
   * Publishes the notification of {@code event}, whose writes Cassandra confirmed at {@code
   * durableAt} with {@code result}, retrying until {@code deadlineNanos} (a {@link
   * System#nanoTime()} value).
   *
   * @return completes once Pub/Sub confirmed the publish, or at once when the outcome is not
   *     notified; fails when the publish could not be confirmed in time
   */
  CompletionStage<Void> notify(
      PubsubMessage original,
      Event event,
      EventResult result,
      Instant durableAt,
      long deadlineNanos);

  /** True while publishing is held back because Pub/Sub looks unavailable. */
  boolean paused();

  /** Stops the publisher and fails what waits; waits a bounded time. */
  @Override
  void close();
}
