package io.lagline.producer.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailure;
import io.lagline.producer.publish.PublishReceipt;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EventPublisher} that tells a {@link PubSubStatus} how each publish ended, so requests
 * and heartbeats alike keep {@code /health/ready}'s view of Pub/Sub current.
 */
final class ObservedPublisher implements EventPublisher {
  private final EventPublisher delegate;
  private final PubSubStatus status;

  ObservedPublisher(EventPublisher delegate, PubSubStatus status) {
    this.delegate = delegate;
    this.status = status;
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(Event event) {
    return observe(delegate.publish(event));
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(JsonNode command) {
    return observe(delegate.publish(command));
  }

  private CompletableFuture<PublishReceipt> observe(CompletableFuture<PublishReceipt> publish) {
    publish.whenComplete(
        (receipt, failure) -> {
          if (failure == null) {
            status.confirmed();
          } else {
            status.failed(PublishFailure.classify(failure));
          }
        });
    return publish;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
