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

/**
 * Answers each publish once {@link #gate} is complete (at once by default): confirmed, or failed as
 * {@link #failures} says.
 */
public final class ScriptedPublisher implements EventPublisher {
  public static final TopicPath TOPIC = TopicPath.parse("projects/demo-project/topics/events");

  public final List<Event> published = new CopyOnWriteArrayList<>();
  public volatile Function<Event, PublishFailure> failures = e -> null;
  public volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
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
    return gate.thenApply(
        ignored -> {
          if (failure != null) {
            throw new PublishFailedException(
                event.eventId(), event.entityKey(), TOPIC, failure, null);
          }
          published.add(event);
          return new PublishReceipt(event.eventId(), "m-" + published.size());
        });
  }

  @Override
  public void close() {
    closed = true;
  }
}
