package io.lagline.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterAttributesTest {
  @Test
  void strip_removes_only_the_dlq_attributes() {
    Map<String, String> attributes =
        Map.of(
            "event_id",
            "e-1",
            DeadLetterAttributes.REASON,
            "missing_field",
            DeadLetterAttributes.FIRST_SEEN,
            "2026-11-23T06:00:00Z",
            DeadLetterAttributes.PUBSUB_DELIVERY_COUNT,
            "5");

    assertThat(DeadLetterAttributes.strip(attributes))
        .containsOnlyKeys("event_id", DeadLetterAttributes.PUBSUB_DELIVERY_COUNT);
  }

  @Test
  void original_also_removes_what_pubsub_adds_when_it_forwards_a_message() {
    Map<String, String> attributes =
        Map.of(
            "event_id",
            "e-1",
            "entity_key",
            "dev-1",
            DeadLetterAttributes.REASON,
            "missing_field",
            DeadLetterAttributes.PUBSUB_DELIVERY_COUNT,
            "5",
            "CloudPubSubDeadLetterSourceSubscription",
            "events");

    assertThat(DeadLetterAttributes.original(attributes))
        .containsOnly(Map.entry("event_id", "e-1"), Map.entry("entity_key", "dev-1"));
  }

  @Test
  void a_message_without_a_reason_was_forwarded_by_pubsub_itself() {
    assertThat(DeadLetterAttributes.reasonOf(Map.of("event_id", "e-1")))
        .isEqualTo(DeadLetterAttributes.MAX_DELIVERY_ATTEMPTS);
    assertThat(DeadLetterAttributes.reasonOf(Map.of(DeadLetterAttributes.REASON, "bad_json")))
        .isEqualTo("bad_json");
  }
}
