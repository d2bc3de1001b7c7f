package io.lagline.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Status;
import io.lagline.event.Event;
import io.lagline.pubsub.republish.Republisher;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.config.OutageConfig;
import io.lagline.reconciler.config.ReconciledConfig;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.outage.OutageGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PubSubNotifierTest {
  private static final PubsubMessage ORIGINAL = NotificationMessageTest.original("{\"steps\": 5}");
  private static final Event EVENT = NotificationMessageTest.event(ORIGINAL);
  private static final Clock CONFIRMED =
      Clock.fixed(NotificationMessageTest.PUBLISHED.plusMillis(900), ZoneOffset.UTC);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final NotificationMetrics metrics =
      new NotificationMetrics(registry, Set.of("DeviceSynced"));
  private final FakePublisher publisher = new FakePublisher();
  private final AtomicInteger pauses = new AtomicInteger();
  private final OutageGuard guard =
      new OutageGuard(
          new OutageGuard.Subject("Pub/Sub", "notification publishes", "notifications"),
          new OutageConfig(50, 4, Duration.ofSeconds(10), Duration.ofMillis(200)),
          scheduler,
          () -> CompletableFuture.completedFuture(null),
          paused -> {
            metrics.paused(paused);
            if (paused) {
              pauses.incrementAndGet();
            }
          });

  @AfterEach
  void stop() {
    guard.close();
    scheduler.shutdownNow();
  }

  private PubSubNotifier notifier(Set<String> outcomes, int maxAttempts) {
    return new PubSubNotifier(
        publisher,
        new ReconciledConfig("projects/p/topics/reconciled", null, true, true, outcomes, false),
        new RetryConfig(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5)),
        guard,
        scheduler,
        metrics,
        CONFIRMED);
  }

  private static EventResult result(WriteOutcome outcome) {
    return new EventResult(outcome, List.of(outcome), List.of("device_state"), 4);
  }

  private double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static long deadline(Duration in) {
    return System.nanoTime() + in.toNanos();
  }

  @Test
  void completes_once_pub_sub_confirmed_and_records_the_visible_lag() throws Exception {
    notifier(Set.of("applied"), 3)
        .notify(
            ORIGINAL,
            EVENT,
            result(WriteOutcome.APPLIED),
            CONFIRMED.instant(),
            deadline(Duration.ofSeconds(5)))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertThat(publisher.published).hasSize(1);
    assertThat(publisher.published.get(0).getOrderingKey()).isEqualTo("device-9");
    assertThat(count("lagline.reconciler.notifications")).isEqualTo(1);
    assertThat(
            registry
                .find("lagline.reconciler.visible.lag")
                .tag("event_type", "DeviceSynced")
                .timer()
                .max(TimeUnit.MILLISECONDS))
        .isEqualTo(900);
  }

  @Test
  void an_outcome_left_out_of_the_stream_is_settled_without_a_publish() throws Exception {
    notifier(Set.of("applied"), 3)
        .notify(
            ORIGINAL,
            EVENT,
            result(WriteOutcome.STALE),
            CONFIRMED.instant(),
            deadline(Duration.ofSeconds(5)))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertThat(publisher.published).isEmpty();
    assertThat(count("lagline.reconciler.notifications")).isZero();
  }

  @Test
  void a_failed_publish_is_retried_and_its_ordering_key_resumed() throws Exception {
    publisher.failures.set(2);

    notifier(Set.of("applied"), 5)
        .notify(
            ORIGINAL,
            EVENT,
            result(WriteOutcome.APPLIED),
            CONFIRMED.instant(),
            deadline(Duration.ofSeconds(5)))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertThat(publisher.attempts).hasValue(3);
    assertThat(publisher.resumed).containsExactly("device-9", "device-9");
    assertThat(
            registry
                .find("lagline.reconciler.notification.failures")
                .tag("reason", "pubsub_unavailable")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(count("lagline.reconciler.notifications")).isEqualTo(1);
  }

  @Test
  void when_pub_sub_is_out_publishing_pauses_then_resumes_and_nothing_is_lost() {
    publisher.failures.set(Integer.MAX_VALUE);
    PubSubNotifier notifier = notifier(Set.of("applied"), 3);
    List<CompletableFuture<Void>> settled = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 8; i++) {
      settled.add(
          notifier
              .notify(
                  ORIGINAL,
                  EVENT,
                  result(WriteOutcome.APPLIED),
                  CONFIRMED.instant(),
                  deadline(Duration.ofSeconds(30)))
              .toCompletableFuture());
    }

    await().atMost(Duration.ofSeconds(10)).until(notifier::paused);
    assertThat(settled).noneMatch(CompletableFuture::isDone);
    int attemptsWhilePaused = publisher.attempts.get();
    publisher.failures.set(0);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> settled.stream().allMatch(CompletableFuture::isDone));
    assertThat(settled).noneMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(notifier.paused()).isFalse();
    assertThat(pauses).hasValue(1);
    assertThat(publisher.attempts.get() - attemptsWhilePaused)
        .as("waiting while paused spends no attempt: one publish per notification after")
        .isEqualTo(8);
  }

  @Test
  void a_notification_still_unconfirmed_after_its_attempts_fails_so_its_message_is_nacked() {
    publisher.failures.set(Integer.MAX_VALUE);

    CompletableFuture<Void> settled =
        notifier(Set.of("applied"), 3)
            .notify(
                ORIGINAL,
                EVENT,
                result(WriteOutcome.APPLIED),
                CONFIRMED.instant(),
                deadline(Duration.ofSeconds(5)))
            .toCompletableFuture();

    assertThatThrownBy(() -> settled.get(10, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.ExecutionException.class)
        .hasStackTraceContaining("unavailable");
    assertThat(count("lagline.reconciler.notifications")).isZero();
  }

  /** Fails the first {@code failures} publishes with UNAVAILABLE, then confirms. */
  private static final class FakePublisher implements Republisher {
    final List<PubsubMessage> published = new CopyOnWriteArrayList<>();
    final List<String> resumed = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public CompletableFuture<String> publish(PubsubMessage message) {
      attempts.incrementAndGet();
      if (failures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(
            ApiExceptionFactory.createException(
                new RuntimeException("unavailable"),
                GrpcStatusCode.of(Status.Code.UNAVAILABLE),
                true));
      }
      published.add(message);
      return CompletableFuture.completedFuture("n-" + published.size());
    }

    @Override
    public void resumeOrdering(String orderingKey) {
      resumed.add(orderingKey);
    }

    @Override
    public String topic() {
      return "projects/p/topics/reconciled";
    }

    @Override
    public void close() {}
  }
}
