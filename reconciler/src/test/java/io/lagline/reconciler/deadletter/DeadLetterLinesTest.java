package io.lagline.reconciler.deadletter;

import static io.lagline.reconciler.deadletter.FakeDeadLetterSource.letter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterLinesTest {
  @Test
  void a_line_shows_id_publish_time_reason_and_the_event_attributes() {
    DeadLetter letter =
        letter(
            "7",
            Map.of(
                DeadLetterAttributes.REASON,
                "missing_field",
                DeadLetterAttributes.FIRST_SEEN,
                "2026-11-23T05:59:00Z",
                DeadLetterAttributes.DETAIL,
                "payload.steps is missing",
                "event_type",
                "DeviceSynced",
                "entity_key",
                "dev-1",
                "event_id",
                "e-1"));

    assertThat(DeadLetterLines.line(letter))
        .isEqualTo(
            "message_id=7 published=2026-11-23T06:00:00Z reason=missing_field"
                + " first_seen=2026-11-23T05:59:00Z event_type=DeviceSynced entity_key=dev-1"
                + " event_id=e-1 detail=\"payload.steps is missing\"");
  }

  @Test
  void a_message_pubsub_forwarded_shows_its_delivery_count_and_dashes_for_missing_attributes() {
    DeadLetter letter = letter("8", Map.of(DeadLetterAttributes.PUBSUB_DELIVERY_COUNT, "20"));

    assertThat(DeadLetterLines.line(letter))
        .contains("reason=max_delivery_attempts first_seen=- event_type=- entity_key=- event_id=-")
        .endsWith(
            "detail=\"forwarded by the subscription's dead-letter policy after 20 deliveries\"");
  }

  @Test
  void a_long_detail_is_cut_to_one_line() {
    String detail = "line one\nline \"two\" " + "x".repeat(300);

    String cut = DeadLetterLines.cut(detail);

    assertThat(cut).hasSize(DeadLetterLines.MAX_DETAIL_CHARS).startsWith("line one line 'two' ");
    assertThat(cut).endsWith("…").doesNotContain("\n");
  }

  @Test
  void the_list_summary_counts_by_reason_and_says_when_the_limit_stopped_it() {
    DeadLetterCollector.Collected collected =
        new DeadLetterCollector.Collected(
            List.of(letter("1", Map.of())), List.of("ack-2"), Map.of("b", 1, "a", 1), true);

    assertThat(DeadLetterLines.listSummary(collected, 1))
        .isEqualTo(
            "listed 1 of 2 read; by reason: a=1 b=1 (stopped at --limit 1: more may be waiting;"
                + " the counts cover only the messages read)");
    assertThat(DeadLetterLines.dryRunSummary(collected)).startsWith("would replay=1 skipped=1");
  }

  @Test
  void an_empty_subscription_lists_nothing() {
    DeadLetterCollector.Collected empty =
        new DeadLetterCollector.Collected(List.of(), List.of(), Map.of(), false);

    assertThat(DeadLetterLines.listSummary(empty, 100))
        .isEqualTo("listed 0 of 0 read; by reason: none");
  }
}
