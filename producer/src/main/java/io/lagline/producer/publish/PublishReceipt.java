package io.lagline.producer.publish;

import java.util.Objects;

/**
 * Pub/Sub's confirmation of one published event.
 *
 * @param eventId the event's id, as in its {@code event_id} attribute
 * @param messageId the id Pub/Sub gave the message; subscribers see it as the message id
 */
public record PublishReceipt(String eventId, String messageId) {
  public PublishReceipt {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(messageId, "messageId");
  }
}
