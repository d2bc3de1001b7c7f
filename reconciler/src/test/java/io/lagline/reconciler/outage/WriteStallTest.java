package io.lagline.reconciler.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteStallTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final WriteStall stall = new WriteStall(clock::get, Duration.ofSeconds(3));

  private void advance(long millis) {
    clock.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  @Test
  void idle_time_is_no_stall() {
    advance(60_000);

    assertThat(stall.stalled()).isFalse();
  }

  @Test
  void writes_in_flight_unanswered_for_longer_than_the_threshold_are_a_stall() {
    stall.started();
    advance(3_000);
    assertThat(stall.stalled()).isFalse();

    advance(1);
    assertThat(stall.stalled()).isTrue();

    stall.finished(true);
    assertThat(stall.stalled()).isFalse();
  }

  @Test
  void any_answer_restarts_the_clock_while_others_are_in_flight() {
    stall.started();
    stall.started();
    advance(2_000);
    stall.finished(true);

    advance(2_000);
    assertThat(stall.stalled()).isFalse();
    advance(1_001);
    assertThat(stall.stalled()).isTrue();
  }

  @Test
  void a_failure_that_says_cassandra_is_not_serving_is_no_progress() {
    stall.started();
    stall.started();
    advance(2_000);
    stall.finished(false);

    advance(1_001);
    assertThat(stall.stalled()).isTrue();
  }

  @Test
  void the_clock_starts_with_the_first_write_after_an_idle_spell() {
    stall.started();
    stall.finished(true);
    advance(10_000);

    stall.started();
    assertThat(stall.stalled()).isFalse();
  }
}
