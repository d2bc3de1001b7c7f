package io.lagline.reconciler.notify;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.PubSubLimits;
import io.lagline.event.Reconciled;
import io.lagline.pubsub.PublishTime;
import io.lagline.reconciler.apply.EventResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a notification from the original message and what Cassandra answered: pure. */
final class NotificationMessage {
  /** Room left in a publish request for what is not the message: the topic name, framing. */
  static final int REQUEST_ENVELOPE_BYTES = 1024;

  private NotificationMessage() {}

  /**
   * The notification of {@code event}: the original's attributes and, with {@code includePayload},
   * its data, plus the {@link Reconciled} attributes. When the payload would make it too large for
   * one Pub/Sub message it is left out ({@link Reconciled#PAYLOAD_TOO_LARGE}). With {@code
   * ordering}, the entity key is the ordering key.
   */
  static PubsubMessage build(
      PubsubMessage original,
      Event event,
      EventResult result,
      Instant durableAt,
      boolean includePayload,
      boolean ordering) {
    List<String> rowOutcomes = new ArrayList<>(result.rows().size());
    for (int i = 0; i < result.rows().size(); i++) {
      rowOutcomes.add(result.tables().get(i) + "=" + result.rows().get(i).tag());
    }
    PubsubMessage.Builder builder =
        PubsubMessage.newBuilder()
            .putAllAttributes(original.getAttributesMap())
            .putAttributes(Reconciled.OUTCOME, result.outcome().tag())
            .putAttributes(Reconciled.VERSION, Long.toString(result.heldVersion()))
            .putAttributes(Reconciled.TABLES, String.join(",", result.tables()))
            .putAttributes(Reconciled.ROW_OUTCOMES, String.join(",", rowOutcomes))
            .putAttributes(Reconciled.AT, durableAt.toString())
            .putAttributes(Reconciled.ORIGINAL_MESSAGE_ID, original.getMessageId())
            .putAttributes(
                Reconciled.PAYLOAD,
                includePayload ? Reconciled.PAYLOAD_INCLUDED : Reconciled.PAYLOAD_OMITTED);
    if (original.hasPublishTime()) {
      builder.putAttributes(
          Reconciled.ORIGINAL_PUBLISH_TIME, PublishTime.of(original, durableAt).toString());
    }
    if (ordering) {
      builder.setOrderingKey(event.entityKey());
    }
    if (includePayload) {
      builder.setData(original.getData());
    }
    PubsubMessage message = builder.build();
    if (message.getSerializedSize() + REQUEST_ENVELOPE_BYTES <= PubSubLimits.MAX_MESSAGE_BYTES) {
      return message;
    }
    return message.toBuilder()
        .setData(ByteString.EMPTY)
        .putAttributes(Reconciled.PAYLOAD, Reconciled.PAYLOAD_TOO_LARGE)
        .build();
  }
}
