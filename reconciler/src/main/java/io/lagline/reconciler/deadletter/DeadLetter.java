package io.lagline.reconciler.deadletter;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message pulled from the dead-letter subscription and held (leased) by this process.
 *
 * @param ackId the handle to acknowledge or release it with; valid while the lease lasts
 * @param messageId its message id on the dead-letter topic
 * @param publishTime when it was published to the dead-letter topic
 * @param attributes its attributes: the original ones plus the {@code dlq_*} ones
 * @param data its data, the original event's payload
 */
public record DeadLetter(
    String ackId,
    String messageId,
    Instant publishTime,
    Map<String, String> attributes,
    ByteString data) {

  public DeadLetter {
    Objects.requireNonNull(ackId, "ackId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(publishTime, "publishTime");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(data, "data");
  }

  /** The dead letter a pull returned. */
  public static DeadLetter from(ReceivedMessage received) {
    PubsubMessage message = received.getMessage();
    return new DeadLetter(
        received.getAckId(),
        message.getMessageId(),
        Instant.ofEpochMilli(Timestamps.toMillis(message.getPublishTime())),
        message.getAttributesMap(),
        message.getData());
  }

  /** Why it was parked: {@link DeadLetterAttributes#reasonOf}. */
  public String reason() {
    return DeadLetterAttributes.reasonOf(attributes);
  }

  /** The value of an attribute, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }

  /**
   * The message as it was on the main topic: the same data and the {@link
   * DeadLetterAttributes#original original attributes}. The ordering key is not carried over.
   */
  public PubsubMessage original() {
    return PubsubMessage.newBuilder()
        .setData(data)
        .putAllAttributes(DeadLetterAttributes.original(attributes))
        .build();
  }
}
