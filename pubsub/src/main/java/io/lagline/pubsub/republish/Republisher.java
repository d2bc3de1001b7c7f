package io.lagline.pubsub.republish;

import com.google.pubsub.v1.PubsubMessage;
import java.util.concurrent.CompletableFuture;

/** Publishes replayed messages to the main topic. The I/O boundary of {@code dlq replay}. */
public interface Republisher extends AutoCloseable {
  /**
   * Hands a message over for publishing; may block while too many publishes are unconfirmed.
   *
   * @return completes with the new message id once Pub/Sub confirmed the publish, or exceptionally
   *     when it failed
   */
  CompletableFuture<String> publish(PubsubMessage message);

  /**
   * Lets messages with {@code orderingKey} be published again after one of them failed: an ordered
   * publisher refuses a key's later messages until told so. Nothing to do when unordered.
   */
  default void resumeOrdering(String orderingKey) {}

  /** The topic published to, for messages. */
  String topic();

  /** Sends what is batched and stops; waits a bounded time. */
  @Override
  void close();
}
