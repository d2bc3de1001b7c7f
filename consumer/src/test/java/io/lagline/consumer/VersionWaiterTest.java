package io.lagline.consumer;

import static io.lagline.consumer.TestNotifications.notification;
import static io.lagline.consumer.TestNotifications.stale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VersionWaiterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final FakeScheduler scheduler = new FakeScheduler();
  private final VersionWaiter waiter = new VersionWaiter(100, scheduler);

  @Test
  void a_wait_completes_when_the_version_is_notified() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, TIMEOUT);
    assertThat(wait).isNotDone();

    Notification n = notification("e-17", "device-42", 17);
    waiter.accept(n);

    assertThat(wait).isCompletedWithValue(n);
    assertThat(waiter.pending()).isZero();
  }

  @Test
  void a_wait_for_a_version_already_notified_completes_at_once() {
    Notification n = notification("e-17", "device-42", 17);
    waiter.accept(n);

    assertThat(waiter.await("device-42", 17, TIMEOUT)).isCompletedWithValue(n);
    assertThat(waiter.await("device-42", 12, TIMEOUT)).isCompletedWithValue(n);
  }

  @Test
  void an_older_version_or_another_key_does_not_complete_the_wait() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, TIMEOUT);

    waiter.accept(notification("e-16", "device-42", 16));
    waiter.accept(notification("e-99", "device-7", 99));

    assertThat(wait).isNotDone();
    assertThat(waiter.highestVersion("device-42")).isEqualTo(16);
  }

  @Test
  void a_stale_notification_completes_the_wait_with_the_newer_version() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 18, TIMEOUT);

    Notification n = stale("e-17", "device-42", 17, 19);
    waiter.accept(n);

    assertThat(wait).isCompletedWithValue(n);
  }

  @Test
  void the_highest_version_is_kept_when_an_older_one_comes_later() {
    Notification newer = notification("e-20", "device-42", 20);
    waiter.accept(newer);
    waiter.accept(notification("e-17", "device-42", 17));

    assertThat(waiter.highestVersion("device-42")).isEqualTo(20);
    assertThat(waiter.await("device-42", 18, TIMEOUT)).isCompletedWithValue(newer);
  }

  @Test
  void a_wait_fails_after_its_timeout_naming_key_version_and_timeout() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, TIMEOUT);

    scheduler.advance(Duration.ofMillis(4_999));
    assertThat(wait).isNotDone();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(wait)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(VersionWaitTimeoutException.class)
        .withMessage(
            "no notification showed entity_key 'device-42' at version 17 or newer within PT5S");
    assertThat(waiter.pending()).isZero();
  }

  @Test
  void a_notification_after_the_timeout_changes_nothing_for_the_failed_wait() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, TIMEOUT);
    scheduler.advance(TIMEOUT);

    waiter.accept(notification("e-17", "device-42", 17));

    assertThat(wait).isCompletedExceptionally();
  }

  @Test
  void a_cancelled_wait_is_dropped() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, TIMEOUT);

    wait.cancel(false);

    assertThat(waiter.pending()).isZero();
  }

  @Test
  void only_the_most_recently_notified_keys_are_remembered() {
    VersionWaiter small = new VersionWaiter(2, scheduler);
    small.accept(notification("e-a", "a", 1));
    small.accept(notification("e-b", "b", 1));
    small.accept(notification("e-c", "c", 1));

    assertThat(small.highestVersion("a")).isZero();
    assertThat(small.await("a", 1, TIMEOUT)).isNotDone();
    assertThat(small.await("c", 1, TIMEOUT)).isDone();
  }

  @Test
  void concurrent_waits_and_notifications_all_complete() throws Exception {
    VersionWaiter real = new VersionWaiter(10_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Notification>> waits = new ArrayList<>();
    try {
      List<CompletableFuture<?>> feeders = new ArrayList<>();
      for (int k = 0; k < 200; k++) {
        String key = "device-" + k;
        for (long v = 1; v <= 10; v++) {
          long version = v;
          waits.add(
              CompletableFuture.supplyAsync(
                      () -> real.await(key, version, Duration.ofSeconds(30)), pool)
                  .thenCompose(f -> f));
          feeders.add(
              CompletableFuture.runAsync(
                  () -> real.accept(notification(key + "-" + version, key, version)), pool));
        }
      }
      CompletableFuture.allOf(feeders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(waits).allSatisfy(w -> assertThat(w).isCompleted());
    assertThat(real.pending()).isZero();
    assertThat(real.highestVersion("device-199")).isEqualTo(10);
  }
}
