package io.lagline.reconciler.deadletter;

import com.google.pubsub.v1.PubsubMessage;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Where poison messages are parked: the dead-letter topic, in production. */
public interface DeadLetterSink extends AutoCloseable {
  /**
   * Publishes {@code message} (its data and attributes unchanged) with the {@code dlq_*} attributes
   * added.
   *
   * @param reason a stable code, e.g. {@code missing_field}
   * @param detail what is wrong, for people
   * @param firstSeen when the reconciler received the message
   * @return completes with the dead-letter message id once Pub/Sub has it; only then may the
   *     original be acked
   */
  CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen);

  /**
   * False for a sink that only counts what it is given (a rebuild meeting poison that was
   * dead-lettered when first seen): the message is then acked as handled without being counted as
   * dead-lettered again.
   */
  default boolean parks() {
    return true;
  }

  @Override
  void close();
}
