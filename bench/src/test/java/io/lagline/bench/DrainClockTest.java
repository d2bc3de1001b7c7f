package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainClockTest {
  private static final long S = 1_000_000_000L;

  @Test
  void counts_from_the_first_poll_that_sees_progress() {
    DrainClock.Timing timing =
        DrainClock.timing(
            1000,
            new DrainClock.Poll(0, 0, ProcStats.NONE),
            new DrainClock.Poll(2 * S, 100, new ProcStats(1, 0)),
            5 * S,
            new ProcStats(4, 300));

    assertThat(timing.events()).isEqualTo(900);
    assertThat(timing.seconds()).isCloseTo(3, within(1e-9));
    assertThat(timing.eventsPerSecond()).isCloseTo(300, within(1e-9));
    assertThat(timing.cpuSeconds()).isCloseTo(3, within(1e-9));
    assertThat(timing.peakRssMb()).isEqualTo(300);
  }

  @Test
  void a_drain_seen_whole_in_one_poll_counts_from_the_last_poll_that_saw_none() {
    DrainClock.Timing timing =
        DrainClock.timing(
            50,
            new DrainClock.Poll(S, 0, new ProcStats(7, 0)),
            new DrainClock.Poll(3 * S, 50, new ProcStats(9, 0)),
            3 * S,
            new ProcStats(9, 200));

    assertThat(timing.events()).isEqualTo(50);
    assertThat(timing.seconds()).isCloseTo(2, within(1e-9));
    assertThat(timing.cpuSeconds()).as("the CPU before the idle poll left out").isEqualTo(2);
  }

  @Test
  void a_warm_up_is_left_out_of_the_measured_events() {
    // polls: not started, warm-up under way, warm-up done, 30 measured, all 100 measured
    Iterator<Long> counter = List.of(-1L, -1L, 400L, 500L, 530L, 600L).iterator();

    DrainClock.Timing timing =
        DrainClock.await("worker", 500, 100, counter::next, () -> true, -1, Duration.ofSeconds(5));

    assertThat(timing.events()).as("measured from the poll that saw 30 of them").isEqualTo(70);
    assertThat(timing.seconds()).isPositive();
    assertThat(counter).isExhausted();
  }

  @Test
  void a_dead_worker_fails_the_drain_naming_it() {
    assertThatThrownBy(
            () -> DrainClock.await("worker-x", 10, () -> 3, () -> false, -1, Duration.ofSeconds(5)))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("worker-x died after 3 of 10 events");
  }

  @Test
  void a_worker_dead_in_its_warm_up_is_named_with_the_warm_up() {
    assertThatThrownBy(
            () ->
                DrainClock.await(
                    "worker-y", 20, 10, () -> 3, () -> false, -1, Duration.ofSeconds(5)))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("worker-y died after 3 of 30 events (the first 20 a warm-up)");
  }
}
