package io.lagline.producer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailedException;
import io.lagline.producer.publish.PublishFailure;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.TopicPath;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answers each publish at once: confirmed, or failed as {@link #failures} says. */
final class ScriptedPublisher implements EventPublisher {
  static final TopicPath TOPIC = TopicPath.parse("projects/demo-project/topics/events");

  final List<Event> published = new CopyOnWriteArrayList<>();
  Function<Event, PublishFailure> failures = e -> null;
  volatile boolean closed;

  @Override
  public CompletableFuture<PublishReceipt> publish(JsonNode command) {
    return publish(EventCodec.fromCommand(command));
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(Event event) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    PublishFailure failure = failures.apply(event);
    if (failure != null) {
      return CompletableFuture.failedFuture(
          new PublishFailedException(event.eventId(), event.entityKey(), TOPIC, failure, null));
    }
    published.add(event);
    return CompletableFuture.completedFuture(
        new PublishReceipt(event.eventId(), "m-" + published.size()));
  }

  @Override
  public void close() {
    closed = true;
  }
}
