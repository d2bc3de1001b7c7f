package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rebuild's {@code settled:} line, and the row made of it. */
class RebuildSettledTest {
  private static final String SUMMARY =
      String.join(
          "\n",
          "00:10:01.123 INFO  i.l.r.app.ReconcilerApp - started; settled: is not at a line start",
          "rebuild   100% at 2026-12-06T00:10:00Z | 2,950 events/s | ETA 0s | settled 12345 (...)",
          "rebuild:       done: every message published until 2026-12-06T00:12:00Z settled",
          "settled:       12345 messages in 4.1 s (3011 events/s)",
          "  applied:     12000",
          "poison:        0");

  @Test
  void reads_messages_seconds_and_rate_from_the_summary() {
    assertThat(RebuildSettled.parse(SUMMARY)).contains(new RebuildSettled(12345, 4.1, 3011));
  }

  @Test
  void a_log_without_the_summary_has_no_settled_line() {
    assertThat(RebuildSettled.parse("rebuild:       failed: the subscriber stopped")).isEmpty();
    assertThat(RebuildSettled.parse("settled:       12345 messages in ? s")).isEmpty();
    assertThat(RebuildSettled.parse("")).isEmpty();
  }

  @Test
  void reads_the_first_settled_line_and_tolerates_trailing_spaces_and_a_crlf() {
    assertThat(
            RebuildSettled.parse(
                "settled:  30000 messages in 12.0 s (2500 events/s)  \r\n"
                    + "settled:       1 messages in 1.0 s (1 events/s)"))
        .contains(new RebuildSettled(30000, 12.0, 2500));
  }

  @Test
  void the_target_is_the_rebuild_rate_over_the_drain_rate() {
    assertThat(DrainRebuild.overDrain(2700, 3000)).isCloseTo(0.9, within(1e-9));
    assertThat(DrainRebuild.overDrain(2700, Double.NaN)).isNaN();
    assertThat(DrainRebuild.overDrain(Double.NaN, 3000)).isNaN();
  }

  @Test
  void the_since_is_a_whole_second_before_the_backlog() {
    assertThat(DrainRebuild.since(Instant.parse("2026-12-06T00:10:00.750Z")))
        .isEqualTo(Instant.parse("2026-12-06T00:09:59Z"));
  }

  @Test
  void the_row_says_what_was_replayed_and_how_it_compares() {
    ScenarioResult row =
        DrainRebuild.row(
            new RebuildSettled(29990, 12.0, 2499),
            30000,
            10000,
            Instant.parse("2026-12-06T00:09:59Z"),
            new BenchReadBack(20000, 0, List.of()),
            2500);

    assertThat(row.id()).isEqualTo("rebuild");
    assertThat(row.events()).isEqualTo(29990);
    assertThat(row.eventsPerSecond()).isEqualTo(2499);
    assertThat(row.seconds()).isEqualTo(12.0);
    assertThat(row.notes())
        .contains("--since 2026-12-06T00:09:59Z --keyspace bench_rebuild")
        .contains("10000 warm-up and 20000 measured events in one window")
        .contains("settled 29990 of 30000 published messages")
        .contains("read-back exact")
        .endsWith("rebuild / drain 1.00");
  }
}
