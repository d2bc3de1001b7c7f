package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {
  private static final Instant SINCE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant UNTIL = SINCE.plusSeconds(100);
  private static final Duration QUIET = Duration.ofSeconds(10);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final RebuildProgress progress = new RebuildProgress(SINCE, UNTIL, nanos::get);

  private void pass(Duration time) {
    nanos.addAndGet(time.toNanos());
  }

  @Test
  void done_only_once_nothing_is_unsettled_and_nothing_arrived_for_the_quiet_period() {
    progress.received("m1", SINCE.plusSeconds(1));
    pass(QUIET.plusSeconds(1));
    assertThat(progress.done(QUIET)).as("m1 still unsettled").isFalse();

    progress.settled("m1");
    assertThat(progress.done(QUIET)).as("quiet since m1 arrived").isTrue();

    progress.received("m2", SINCE.plusSeconds(2));
    progress.settled("m2");
    pass(QUIET.minusSeconds(1));
    assertThat(progress.done(QUIET)).as("m2 arrived within the quiet period").isFalse();
    pass(Duration.ofSeconds(1));
    assertThat(progress.done(QUIET)).isTrue();
  }

  @Test
  void before_any_window_message_it_waits_three_quiet_periods_from_when_pulling_started() {
    pass(QUIET.multipliedBy(5));
    progress.pulling();

    pass(QUIET.multipliedBy(3).minusSeconds(1));
    assertThat(progress.done(QUIET)).as("a slow first delivery").isFalse();
    pass(Duration.ofSeconds(1));
    assertThat(progress.done(QUIET)).as("a window with no message at all").isTrue();
  }

  @Test
  void a_nacked_message_stays_unsettled_until_its_redelivery_is_acked() {
    progress.received("m1", SINCE.plusSeconds(1));
    progress.redelivery();
    pass(QUIET.plusSeconds(1));

    assertThat(progress.done(QUIET)).isFalse();
    assertThat(progress.unsettled()).isEqualTo(1);

    progress.received("m1", SINCE.plusSeconds(1));
    progress.settled("m1");
    pass(QUIET);
    assertThat(progress.done(QUIET)).isTrue();
    assertThat(progress.redelivered()).isEqualTo(1);
    assertThat(progress.settled()).isEqualTo(1);
  }

  @Test
  void messages_outside_the_tables_count_as_arrivals_but_not_as_settled() {
    progress.notInTables(SINCE.plusSeconds(50));
    pass(QUIET.minusSeconds(1));

    assertThat(progress.done(QUIET)).isFalse();
    assertThat(progress.skipped()).isEqualTo(1);
    assertThat(progress.settled()).isZero();
    assertThat(progress.position()).isEqualTo(SINCE.plusSeconds(50));
  }

  @Test
  void position_share_time_left_and_rate_follow_the_publish_times_reached() {
    assertThat(progress.position()).isEqualTo(SINCE);
    assertThat(progress.remaining()).isEmpty();

    progress.received("m1", SINCE.plusSeconds(10));
    pass(Duration.ofSeconds(2));
    progress.received("m2", SINCE.plusSeconds(25));
    progress.received("m3", SINCE.plusSeconds(20));
    progress.settled("m1");
    progress.settled("m2");
    progress.settled("m3");

    assertThat(progress.position()).isEqualTo(SINCE.plusSeconds(25));
    assertThat(progress.share()).isEqualTo(0.25);
    // 25 s of publish time in 2 s: the 75 s left take 6 s
    assertThat(progress.remaining()).contains(Duration.ofSeconds(6));
    assertThat(progress.settledPerSecond()).isEqualTo(1.5);
    assertThat(progress.activeSeconds()).isEqualTo(2.0);
  }

  @Test
  void quiet_for_is_the_time_since_the_last_window_message() {
    progress.received("m1", SINCE.plusSeconds(1));
    pass(Duration.ofSeconds(3));

    assertThat(progress.quietFor()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void from_a_snapshot_the_position_is_the_newest_publish_time_and_no_time_left_is_guessed() {
    RebuildProgress snapshot = new RebuildProgress(UNTIL, UNTIL, nanos::get);

    snapshot.received("m1", SINCE.plusSeconds(30));
    pass(Duration.ofSeconds(1));

    assertThat(snapshot.position()).isEqualTo(SINCE.plusSeconds(30));
    assertThat(snapshot.remaining()).isEmpty();
  }

  @Test
  void messages_after_until_are_only_counted() {
    progress.beyondUntil();

    assertThat(progress.beyond()).isEqualTo(1);
    assertThat(progress.unsettled()).isZero();
    assertThat(progress.position()).isEqualTo(SINCE);
  }
}
