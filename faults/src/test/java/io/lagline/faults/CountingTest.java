package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.faults.DeadLetterReader.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counting behind the table's columns. */
class CountingTest {
  @Test
  void a_write_applied_twice_across_processes_is_double_applied() {
    OutcomeLog log =
        OutcomeLog.of(
            List.of(
                "08:00:00.000 DEBUG lagline.outcomes - row outcome event_id=e1 table=device_state version=3 outcome=applied",
                "08:00:00.001 DEBUG lagline.outcomes - row outcome event_id=e1 table=sync_history version=3 outcome=applied",
                "08:00:01.000 DEBUG lagline.outcomes - row outcome event_id=e1 table=device_state version=3 outcome=duplicate",
                "08:00:02.000 DEBUG lagline.outcomes - row outcome event_id=e2 table=device_state version=1 outcome=applied",
                "08:00:03.000 DEBUG lagline.outcomes - row outcome event_id=e2 table=device_state version=1 outcome=applied",
                "08:00:03.500 DEBUG lagline.outcomes - row outcome event_id=e3 table=device_state version=1 outcome=stale",
                "08:00:04.000 INFO  io.lagline.reconciler - something else"));

    assertThat(log.outcomes()).isEqualTo(6);
    assertThat(log.doubleApplied()).isEqualTo(1);
    assertThat(log.doubleAppliedExamples(5)).containsExactly("e2 device_state ×2");
  }

  @Test
  void dead_letters_are_judged_by_event_id_and_reason() {
    DeadLetterCount count =
        DeadLetterCount.of(
            List.of(
                new DeadLetter("good-1", "missing_field"),
                new DeadLetter("good-1", "missing_field"),
                new DeadLetter("p1", "missing_field"),
                new DeadLetter("p1", "missing_field"),
                new DeadLetter("p2", "max_delivery_attempts"),
                new DeadLetter(null, "invalid_payload")),
            Set.of("good-1", "good-2"),
            Map.of("p1", "missing_field", "p2", "invalid_value", "p3", "invalid_payload"));

    assertThat(count.good()).isEqualTo(2);
    assertThat(count.poisonWithReason()).isEqualTo(1);
    assertThat(count.problems())
        .containsExactlyInAnyOrder(
            "good event dead-lettered: good-1",
            "poison p2 dead-lettered as max_delivery_attempts, expected invalid_value",
            "poison not dead-lettered: p3",
            "1 dead-lettered message(s) without an event_id");
  }

  @Test
  void renders_one_markdown_row_per_scenario_under_the_fixed_header() {
    ScenarioResult result =
        new ScenarioResult(
            "b. kill -9 mid-stream",
            5050,
            10087,
            "kill -9 ×3",
            0,
            0,
            0,
            50,
            50,
            List.of(),
            Duration.ofSeconds(75));

    assertThat(ResultTable.render(List.of(result)))
        .isEqualTo(
            "| scenario | events | publishes | faults injected | lost | double-applied"
                + " | good dead-lettered | poison dead-lettered |\n"
                + "|---|---:|---:|---|---:|---:|---:|---:|\n"
                + "| b. kill -9 mid-stream | 5050 | 10087 | kill -9 ×3 | 0 | 0 | 0 | 50/50 |\n");
  }
}
