package io.lagline.reconciler.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import io.lagline.reconciler.config.OutageConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutageGuardTest {
  private static final OutageConfig CONFIG =
      new OutageConfig(80, 10, Duration.ofSeconds(30), Duration.ofMillis(300));
  private static final long FAR = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<Boolean> changes = new CopyOnWriteArrayList<>();
  private final AtomicInteger probes = new AtomicInteger();
  private volatile CompletionStage<?> probeAnswer = CompletableFuture.completedFuture(null);
  private final OutageGuard guard =
      new OutageGuard(
          CONFIG,
          scheduler,
          () -> {
            probes.incrementAndGet();
            return probeAnswer;
          },
          changes::add);

  @AfterEach
  void stop() {
    guard.close();
    scheduler.shutdownNow();
  }

  private void failWrites(int count) {
    for (int i = 0; i < count; i++) {
      assertThat(guard.permit(FAR)).isDone();
      guard.record(true);
    }
  }

  @Test
  void healthy_writes_start_at_once() {
    for (int i = 0; i < 50; i++) {
      assertThat(guard.permit(FAR)).isCompleted();
      guard.record(false);
    }
    assertThat(guard.paused()).isFalse();
    assertThat(changes).isEmpty();
  }

  @Test
  void pauses_when_most_writes_fail_and_holds_new_writes_back() {
    failWrites(10);

    assertThat(guard.paused()).isTrue();
    assertThat(changes).containsExactly(true);
    CompletableFuture<Void> held = guard.permit(FAR);
    assertThat(held).isNotDone();
    assertThat(guard.waiting()).isEqualTo(1);
  }

  @Test
  void a_few_failures_among_successes_do_not_pause() {
    for (int i = 0; i < 40; i++) {
      guard.permit(FAR);
      guard.record(i % 4 == 0);
    }
    assertThat(guard.paused()).isFalse();
  }

  @Test
  void lets_one_held_write_through_as_a_probe_and_resumes_all_when_it_succeeds() {
    failWrites(10);
    List<CompletableFuture<Void>> held =
        IntStream.range(0, 5).mapToObj(i -> guard.permit(FAR)).toList();

    await().atMost(Duration.ofSeconds(5)).until(() -> held.stream().anyMatch(f -> f.isDone()));
    assertThat(held.stream().filter(CompletableFuture::isDone)).hasSize(1);
    assertThat(guard.paused()).as("still paused until the probe answers").isTrue();

    guard.record(false);

    await().atMost(Duration.ofSeconds(5)).until(() -> held.stream().allMatch(f -> f.isDone()));
    assertThat(guard.paused()).isFalse();
    assertThat(changes).containsExactly(true, false);
    assertThat(probes).as("a held write was the probe").hasValue(0);
  }

  @Test
  void a_failed_probe_keeps_the_pause_and_probes_again_later() {
    failWrites(10);
    CompletableFuture<Void> first = guard.permit(FAR);
    CompletableFuture<Void> second = guard.permit(FAR);
    await().atMost(Duration.ofSeconds(5)).until(first::isDone);

    guard.record(true);

    assertThat(guard.paused()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(second::isDone);
    guard.record(false);
    assertThat(guard.paused()).isFalse();
    assertThat(changes).as("one pause, one resume").containsExactly(true, false);
  }

  @Test
  void a_failed_probe_is_no_new_pause_on_a_fake_clock() {
    AtomicLong clock = new AtomicLong();
    List<Runnable> ticks = new ArrayList<>();
    List<Boolean> announced = new ArrayList<>();
    OutageGuard manual =
        new OutageGuard(
            CONFIG,
            tick -> {
              ticks.add(tick);
              return CompletableFuture.completedFuture(null);
            },
            clock::get,
            () -> CompletableFuture.completedFuture(null),
            announced::add);
    for (int i = 0; i < 10; i++) {
      manual.permit(FAR);
      manual.record(true);
    }
    CompletableFuture<Void> first = manual.permit(FAR);
    CompletableFuture<Void> second = manual.permit(FAR);

    manual.tick();
    assertThat(first).as("no probe before the probe interval").isNotDone();
    clock.addAndGet(CONFIG.probeInterval().toNanos());
    manual.tick();
    assertThat(first).isDone();
    manual.record(true); // the probe fails: the breaker opens again

    manual.tick();
    assertThat(second).isNotDone();
    clock.addAndGet(CONFIG.probeInterval().toNanos());
    manual.tick();
    assertThat(second).isDone();
    manual.record(false);
    manual.tick();

    assertThat(announced).as("pausing once, resuming once").containsExactly(true, false);
    assertThat(manual.paused()).isFalse();
    assertThat(ticks).hasSize(1);
  }

  @Test
  void writes_in_flight_that_cassandra_leaves_unanswered_make_it_stalled() {
    AtomicLong clock = new AtomicLong();
    OutageGuard manual =
        new OutageGuard(
            CONFIG,
            tick -> CompletableFuture.completedFuture(null),
            clock::get,
            () -> CompletableFuture.completedFuture(null),
            paused -> {});
    manual.permit(FAR);
    manual.permit(FAR);
    assertThat(manual.stalled()).isFalse();

    clock.addAndGet(WriteStall.THRESHOLD.plusMillis(1).toNanos());
    assertThat(manual.stalled()).as("no answer for longer than the threshold").isTrue();
    assertThat(manual.paused()).as("long before the breaker opens").isFalse();

    manual.record(false);
    assertThat(manual.stalled()).isFalse();
  }

  @Test
  void with_no_write_waiting_it_probes_with_the_cheap_query() {
    failWrites(10);

    await().atMost(Duration.ofSeconds(5)).until(() -> !guard.paused());
    assertThat(probes.get()).isGreaterThanOrEqualTo(1);
    assertThat(changes).containsExactly(true, false);
  }

  @Test
  void a_held_write_gives_up_when_its_message_budget_runs_out() {
    probeAnswer = CompletableFuture.failedFuture(new NoNodeAvailableException());
    failWrites(10);
    long soon = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    CompletableFuture<Void> held = new CompletableFuture<>();
    // keep the probe slot busy so this write stays held
    guard.permit(FAR);
    guard.permit(soon).whenComplete((ok, error) -> held.completeExceptionally(error));

    await().atMost(Duration.ofSeconds(5)).until(held::isDone);
    assertThat(held)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .withCauseInstanceOf(RetryBudgetExhaustedException.class);
  }

  @Test
  void closing_fails_held_writes_so_their_messages_are_nacked() {
    failWrites(10);
    CompletableFuture<Void> held = guard.permit(FAR);
    guard.permit(FAR);

    guard.close();

    assertThat(held).isCompletedExceptionally();
  }
}
