package io.lagline.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.PubSubLimits;
import io.lagline.event.Reconciled;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.apply.WriteOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationMessageTest {
  static final Instant PUBLISHED = Instant.parse("2026-12-05T10:00:00Z");
  static final Instant DURABLE = Instant.parse("2026-12-05T10:00:00.250Z");

  static PubsubMessage original(String data) {
    return PubsubMessage.newBuilder()
        .setMessageId("m-9")
        .setPublishTime(Timestamp.newBuilder().setSeconds(PUBLISHED.getEpochSecond()))
        .setData(ByteString.copyFromUtf8(data))
        .putAttributes("event_id", "e-9")
        .putAttributes("event_type", "DeviceSynced")
        .putAttributes("schema_version", "1")
        .putAttributes("entity_key", "device-9")
        .putAttributes("entity_version", "4")
        .putAttributes("occurred_at", "2026-12-05T09:59:00Z")
        .putAttributes("trace_id", "abc")
        .build();
  }

  static Event event(PubsubMessage message) {
    return EventCodec.decode(message.getAttributesMap(), message.getData().toByteArray());
  }

  static EventResult stale() {
    return new EventResult(
        WriteOutcome.STALE,
        List.of(WriteOutcome.STALE, WriteOutcome.APPLIED),
        List.of("device_state", "sync_history"),
        7);
  }

  @Test
  void carries_the_original_envelope_and_payload_and_what_cassandra_answered() {
    PubsubMessage original = original("{\"steps\": 5}");

    PubsubMessage n =
        NotificationMessage.build(original, event(original), stale(), DURABLE, true, false);

    assertThat(n.getAttributesMap())
        .containsAllEntriesOf(original.getAttributesMap())
        .containsEntry(Reconciled.OUTCOME, "stale")
        .containsEntry(Reconciled.VERSION, "7")
        .containsEntry(Reconciled.TABLES, "device_state,sync_history")
        .containsEntry(Reconciled.ROW_OUTCOMES, "device_state=stale,sync_history=applied")
        .containsEntry(Reconciled.AT, "2026-12-05T10:00:00.250Z")
        .containsEntry(Reconciled.ORIGINAL_MESSAGE_ID, "m-9")
        .containsEntry(Reconciled.ORIGINAL_PUBLISH_TIME, "2026-12-05T10:00:00Z")
        .containsEntry(Reconciled.PAYLOAD, Reconciled.PAYLOAD_INCLUDED);
    assertThat(n.getData().toStringUtf8()).isEqualTo("{\"steps\": 5}");
    assertThat(n.getOrderingKey()).isEmpty();
  }

  @Test
  void ordering_uses_the_entity_key_and_the_payload_can_be_left_out() {
    PubsubMessage original = original("{\"steps\": 5}");

    PubsubMessage n =
        NotificationMessage.build(original, event(original), stale(), DURABLE, false, true);

    assertThat(n.getOrderingKey()).isEqualTo("device-9");
    assertThat(n.getData()).isEqualTo(ByteString.EMPTY);
    assertThat(n.getAttributesMap()).containsEntry(Reconciled.PAYLOAD, Reconciled.PAYLOAD_OMITTED);
  }

  @Test
  void a_payload_that_would_not_fit_in_one_message_is_dropped_and_said_so() {
    String big = "{\"blob\": \"" + "x".repeat(PubSubLimits.MAX_MESSAGE_BYTES - 200) + "\"}";
    PubsubMessage original = original(big);
    Event event = event(original("{}"));

    PubsubMessage n = NotificationMessage.build(original, event, stale(), DURABLE, true, false);

    assertThat(n.getData()).isEqualTo(ByteString.EMPTY);
    assertThat(n.getAttributesMap())
        .containsEntry(Reconciled.PAYLOAD, Reconciled.PAYLOAD_TOO_LARGE)
        .containsEntry(Reconciled.OUTCOME, "stale");
    assertThat(n.getSerializedSize()).isLessThan(PubSubLimits.MAX_MESSAGE_BYTES);
  }
}
