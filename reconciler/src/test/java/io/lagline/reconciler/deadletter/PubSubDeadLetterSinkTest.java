package io.lagline.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.PubSubLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PubSubDeadLetterSinkTest {
  private static final String SUBSCRIPTION = "projects/p/subscriptions/events";
  private static final Instant SEEN = Instant.parse("2026-11-23T06:00:00Z");

  private static PubsubMessage message(int dataBytes) {
    return PubsubMessage.newBuilder()
        .setMessageId("m-1")
        .setData(ByteString.copyFrom(new byte[dataBytes]))
        .putAttributes("event_id", "e-1")
        .putAttributes("event_type", "DeviceSynced")
        .build();
  }

  private static PubsubMessage park(PubsubMessage message) {
    return PubSubDeadLetterSink.parked(
        message, "invalid_payload", "d".repeat(2_000), SUBSCRIPTION, SEEN);
  }

  @Test
  void a_dead_letter_keeps_the_original_data_and_attributes_and_adds_the_dlq_ones() {
    PubsubMessage parked = park(message(9 * 1024 * 1024 + 1));

    assertThat(parked.getData()).isEqualTo(message(9 * 1024 * 1024 + 1).getData());
    assertThat(parked.getAttributesMap())
        .containsEntry("event_id", "e-1")
        .containsEntry(DeadLetterAttributes.REASON, "invalid_payload")
        .containsEntry(DeadLetterAttributes.SUBSCRIPTION, SUBSCRIPTION)
        .containsEntry(DeadLetterAttributes.ORIGINAL_MESSAGE_ID, "m-1")
        .doesNotContainKey(DeadLetterAttributes.DATA_DROPPED_BYTES);
  }

  @Test
  void a_near_10_mb_message_whose_dead_letter_would_not_fit_keeps_its_attributes_without_data() {
    int dataBytes = PubSubLimits.MAX_MESSAGE_BYTES - 200; // fits alone, not with the dlq_* ones
    PubsubMessage original = message(dataBytes);
    assertThat(original.getSerializedSize()).isLessThan(PubSubLimits.MAX_MESSAGE_BYTES);

    PubsubMessage parked = park(original);

    assertThat(parked.getSerializedSize()).isLessThan(PubSubLimits.MAX_MESSAGE_BYTES);
    assertThat(parked.getData().isEmpty()).isTrue();
    assertThat(parked.getAttributesMap())
        .containsEntry("event_id", "e-1")
        .containsEntry("event_type", "DeviceSynced")
        .containsEntry(DeadLetterAttributes.REASON, "invalid_payload")
        .containsEntry(DeadLetterAttributes.ORIGINAL_MESSAGE_ID, "m-1")
        .containsEntry(DeadLetterAttributes.DATA_DROPPED_BYTES, Integer.toString(dataBytes));
  }
}
