package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  void writes_confirmed_after_an_ambiguous_attempt_are_counted_by_how_the_reissue_resolved_them() {
    OutcomeLog log =
        OutcomeLog.of(
            List.of(
                "row outcome event_id=e1 table=t version=3 outcome=duplicate after_ambiguous=true ambiguous_reason=cas_unknown",
                "row outcome event_id=e2 table=t version=1 outcome=applied after_ambiguous=true ambiguous_reason=client_timeout",
                "row outcome event_id=e3 table=t version=2 outcome=duplicate after_ambiguous=true ambiguous_reason=cas_unknown",
                "row outcome event_id=e4 table=t version=1 outcome=stale after_ambiguous=true ambiguous_reason=write_timeout",
                "row outcome event_id=e5 table=t version=1 outcome=applied after_ambiguous=false ambiguous_reason=-",
                "row outcome event_id=e6 table=t version=1 outcome=applied"));

    Ambiguity ambiguity = log.ambiguity();

    assertThat(log.outcomes()).isEqualTo(6);
    assertThat(ambiguity.total()).isEqualTo(4);
    assertThat(ambiguity.landed()).isEqualTo(2);
    assertThat(ambiguity.reapplied()).isEqualTo(1);
    assertThat(ambiguity.stale()).isEqualTo(1);
    assertThat(ambiguity.reasons())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cas_unknown", 2L, "client_timeout", 1L, "write_timeout", 1L));
    assertThat(ambiguity.cell())
        .isEqualTo(
            "4: 2 landed, 1 re-applied, 1 stale (cas_unknown 2, client_timeout 1, write_timeout 1)");
    assertThat(OutcomeLog.of(List.of()).ambiguity().cell()).isEqualTo("0");
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

  @Test
  void a_cluster_row_adds_its_ambiguous_writes_and_the_summary_has_every_count() throws Exception {
    ScenarioResult result =
        new ScenarioResult(
            "n. cluster: 1 of 3 nodes frozen",
            5050,
            10087,
            "node 2 SIGSTOP'd 30 s",
            0,
            0,
            0,
            50,
            50,
            List.of(),
            Duration.ofSeconds(140),
            new Ambiguity(3, 2, 1, 0, Map.of("client_timeout", 3L)),
            true);

    assertThat(ResultTable.render(List.of(result)))
        .startsWith(ResultTable.CLUSTER_HEADER + "\n" + ResultTable.CLUSTER_RULE + "\n")
        .endsWith(
            "| n. cluster: 1 of 3 nodes frozen | 5050 | 10087 | node 2 SIGSTOP'd 30 s | 0 | 0 | 0"
                + " | 50/50 | 3: 2 landed, 1 re-applied (client_timeout 3) |\n");
    JsonNode summary = new ObjectMapper().readTree(ResultTable.summary(List.of(result)));
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).get("lost").asLong()).isZero();
    assertThat(summary.get(0).get("poison_dead_lettered").asLong()).isEqualTo(50);
    assertThat(summary.get(0).get("ambiguous_writes").get("landed").asLong()).isEqualTo(2);
    assertThat(
            summary
                .get(0)
                .get("ambiguous_writes")
                .get("first_reason")
                .get("client_timeout")
                .asLong())
        .isEqualTo(3);
  }
}
