package io.lagline.reconciler.deadletter;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.PubSubLimits;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.republish.TopicRepublisher;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes poison messages to the dead-letter topic through a {@link TopicRepublisher}: bounded
 * flow control (a flood of poison must not exhaust memory), small batches, bounded retries of
 * transient errors. A dead letter too large for Pub/Sub keeps its attributes and loses its data
 * ({@link #parked}), so parking it cannot fail for ever.
 */
public final class PubSubDeadLetterSink implements DeadLetterSink {
  /** Room left in a publish request for what is not the message: the topic name, framing. */
  static final int REQUEST_ENVELOPE_BYTES = 1024;

  private final TopicRepublisher publisher;
  private final String subscription;

  private PubSubDeadLetterSink(TopicRepublisher publisher, String subscription) {
    this.publisher = publisher;
    this.subscription = subscription;
  }

  /**
   * A sink publishing to {@code topic} over {@code connection} (kept open by the caller).
   *
   * @param subscription the subscription poison is taken from, recorded in {@code dlq_subscription}
   */
  public static PubSubDeadLetterSink create(
      String topic, String subscription, PubSubConnection connection) {
    return new PubSubDeadLetterSink(
        TopicRepublisher.create(connection, topic, ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC),
        subscription);
  }

  @Override
  public CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen) {
    PubsubMessage parked = parked(message, reason, detail, subscription, firstSeen);
    try {
      return publisher.publish(parked);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The dead letter of {@code message}: its data and attributes plus the {@code dlq_*} ones. When
   * that would not fit in one publish request ({@link PubSubLimits#MAX_MESSAGE_BYTES}, less {@link
   * #REQUEST_ENVELOPE_BYTES}), Pub/Sub would refuse it on every redelivery, so the data is dropped
   * and {@link DeadLetterAttributes#DATA_DROPPED_BYTES} records its size.
   */
  static PubsubMessage parked(
      PubsubMessage message, String reason, String detail, String subscription, Instant firstSeen) {
    PubsubMessage parked =
        PubsubMessage.newBuilder()
            .setData(message.getData())
            .putAllAttributes(message.getAttributesMap())
            .putAttributes(DeadLetterAttributes.REASON, reason)
            .putAttributes(DeadLetterAttributes.DETAIL, DeadLetterAttributes.fit(detail))
            .putAttributes(DeadLetterAttributes.SUBSCRIPTION, subscription)
            .putAttributes(DeadLetterAttributes.FIRST_SEEN, firstSeen.toString())
            .putAttributes(DeadLetterAttributes.ORIGINAL_MESSAGE_ID, message.getMessageId())
            .build();
    if (parked.getSerializedSize() + REQUEST_ENVELOPE_BYTES <= PubSubLimits.MAX_MESSAGE_BYTES) {
      return parked;
    }
    return parked.toBuilder()
        .setData(ByteString.EMPTY)
        .putAttributes(
            DeadLetterAttributes.DATA_DROPPED_BYTES, Integer.toString(message.getData().size()))
        .build();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
