package io.lagline.bench.ingest;

import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailedException;
import io.lagline.producer.publish.PublishFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Publishes through the producer library: {@link EventPublisher#publish}, answered on confirm. */
final class LibrarySender implements Sender {
  private final EventPublisher publisher;

  LibrarySender(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public CompletableFuture<Outcome> send(String phase, int i) {
    return publisher
        .publish(IngestEvents.event(phase, i))
        .handle((receipt, failure) -> failure == null ? Outcome.ACCEPTED : classify(failure));
  }

  private static Outcome classify(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof PublishFailedException e && e.failure() == PublishFailure.FLOW_CONTROL
        ? Outcome.REFUSED
        : Outcome.FAILED;
  }
}
