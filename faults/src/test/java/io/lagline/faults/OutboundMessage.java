package io.lagline.faults;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import java.util.Map;

/**
 * One message as the suite publishes it: attributes and data exactly as they go on the wire, so a
 * poison message can break the contract in ways the producer library would refuse.
 *
 * @param eventId the {@code event_id} attribute (every message of the suite has one)
 * @param attributes every attribute
 * @param data the message data
 * @param expectedReason the {@code dlq_reason} a poison message must be parked with; null for a
 *     good event
 */
record OutboundMessage(
    String eventId, Map<String, String> attributes, ByteString data, String expectedReason) {
  OutboundMessage {
    attributes = Map.copyOf(attributes);
  }

  /** A good event, encoded as docs/CONTRACT.md says. */
  static OutboundMessage of(Event event) {
    return new OutboundMessage(
        event.eventId(), event.attributes(), ByteString.copyFrom(event.data()), null);
  }

  boolean poison() {
    return expectedReason != null;
  }

  /** The Pub/Sub message; with {@code ordered}, its ordering key is the entity key. */
  PubsubMessage toPubsub(boolean ordered) {
    PubsubMessage.Builder message = PubsubMessage.newBuilder().putAllAttributes(attributes);
    message.setData(data);
    String key = attributes.get(Attributes.ENTITY_KEY);
    if (ordered && key != null) {
      message.setOrderingKey(key);
    }
    return message.build();
  }
}
