package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {
  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration FORGET = Duration.ofMinutes(15);
  private static final Duration MARGIN = Duration.ofMinutes(10);
  private static final Duration EVERY = Duration.ofSeconds(10);

  private static List<Watermark.Beat> beats(Instant... emitted) {
    return java.util.Arrays.stream(emitted).map(e -> new Watermark.Beat(e, EVERY)).toList();
  }

  @Test
  void the_oldest_heartbeat_of_the_live_producers_minus_the_margin() {
    assertThat(Watermark.start(beats(T, T.minusSeconds(30), T.minusSeconds(5)), FORGET, MARGIN))
        .contains(T.minusSeconds(30).minus(MARGIN));
  }

  @Test
  void a_producer_gone_longer_than_forget_after_does_not_pull_the_start_back() {
    Instant stopped = T.minus(Duration.ofHours(3));

    assertThat(Watermark.start(beats(T, stopped, T.minusSeconds(20)), FORGET, MARGIN))
        .contains(T.minusSeconds(20).minus(MARGIN));
  }

  @Test
  void no_heartbeat_gives_no_start() {
    assertThat(Watermark.start(beats(), FORGET, MARGIN)).isEmpty();
  }

  @Test
  void an_event_unsettled_at_the_backup_for_less_than_the_margin_is_inside_the_replay() {
    // heartbeat emitted at T, durable (so in the backup) at T + 1 s, backup taken at T + 2 s;
    // an event published at T - 9 s still unsettled then has waited 11 s: more than a 10 s margin
    // could cover, which is why the margin must exceed the longest wait around the backup
    Duration margin = Duration.ofSeconds(10);
    Instant backup = T.plusSeconds(2);
    Instant start = Watermark.start(beats(T), FORGET, margin).orElseThrow();

    Instant waitedLessThanMargin = backup.minus(margin).plusMillis(1);
    assertThat(waitedLessThanMargin).isAfterOrEqualTo(start);
    // every event published before the start was settled before the backup, if none waits longer
    // than the margin: its wait at the backup would be over backup - start > margin
    assertThat(Duration.between(start.minusMillis(1), backup)).isGreaterThan(margin);
  }

  @Test
  void a_heartbeat_younger_than_three_intervals_shows_a_reconciler_wrote_after_the_restore() {
    Instant now = T.plusSeconds(25);

    assertThat(Watermark.freshest(beats(T, T.minusSeconds(40)), now))
        .contains(new Watermark.Beat(T, EVERY));
    assertThat(Watermark.freshest(beats(T), T.plusSeconds(30))).isEmpty();
    assertThat(Watermark.freshest(beats(), now)).isEmpty();
  }
}
