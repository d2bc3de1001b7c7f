package io.lagline.reconciler.deadletter;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.producer.publish.PubSubConnection;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes poison messages to the dead-letter topic through a {@link TopicRepublisher}: bounded
 * flow control (a flood of poison must not exhaust memory), small batches, bounded retries of
 * transient errors.
 */
public final class PubSubDeadLetterSink implements DeadLetterSink {
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
        TopicRepublisher.create(connection, topic, "pubsub.dead-letter.topic"), subscription);
  }

  @Override
  public CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen) {
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
    try {
      return publisher.publish(parked);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    publisher.close();
  }
}
