package io.lagline.producer.publish;

import com.google.api.core.ApiFuture;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The part of the Pub/Sub client's {@link Publisher} that {@link PubSubEventPublisher} uses; faked
 * in tests.
 */
interface PublisherClient {
  /** Hands a message to the client; may block while flow control is full. */
  ApiFuture<String> publish(PubsubMessage message);

  /** Lets publishes with this ordering key proceed again after a failure. */
  void resumePublish(String orderingKey);

  /** Sends everything batched and waits, without bound, until every outstanding publish is done. */
  void shutdown();

  /** Waits for the client's threads to end. */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  static PublisherClient of(Publisher publisher) {
    return new PublisherClient() {
      @Override
      public ApiFuture<String> publish(PubsubMessage message) {
        return publisher.publish(message);
      }

      @Override
      public void resumePublish(String orderingKey) {
        publisher.resumePublish(orderingKey);
      }

      @Override
      public void shutdown() {
        publisher.shutdown();
      }

      @Override
      public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return publisher.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    };
  }
}
