package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainClockTest {
  @Test
  void counts_from_the_first_poll_that_sees_progress() {
    long s = 1_000_000_000L;
    DrainClock.Timing timing =
        DrainClock.timing(1000, 0, 2 * s, 100, 5 * s, new ProcStats(1, 0), new ProcStats(4, 300));

    assertThat(timing.events()).isEqualTo(900);
    assertThat(timing.seconds()).isCloseTo(3, within(1e-9));
    assertThat(timing.eventsPerSecond()).isCloseTo(300, within(1e-9));
    assertThat(timing.cpuSeconds()).isCloseTo(3, within(1e-9));
    assertThat(timing.peakRssMb()).isEqualTo(300);
  }

  @Test
  void a_drain_seen_whole_in_one_poll_counts_the_whole_wait() {
    long s = 1_000_000_000L;
    DrainClock.Timing timing = DrainClock.timing(50, 0, s, 50, s, ProcStats.NONE, ProcStats.NONE);

    assertThat(timing.events()).isEqualTo(50);
    assertThat(timing.seconds()).isCloseTo(1, within(1e-9));
  }

  @Test
  void a_dead_worker_fails_the_drain_naming_it() {
    assertThatThrownBy(
            () -> DrainClock.await("worker-x", 10, () -> 3, () -> false, -1, Duration.ofSeconds(5)))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("worker-x died after 3 of 10");
  }
}
