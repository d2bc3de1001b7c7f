package io.lagline.producer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailedException;
import io.lagline.producer.publish.PublishFailure;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.TopicPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An in-memory {@link EventPublisher}: validates like the real one, and answers each publish when
 * it is closed (or at once, when {@link #answerAtOnce} is set) with a confirmation or the failure
 * {@link #failures} gives.
 */
final class FakeEventPublisher implements EventPublisher {
  static final TopicPath TOPIC = TopicPath.parse("projects/demo-project/topics/events");

  final List<Event> published = new ArrayList<>();
  final Map<Event, CompletableFuture<PublishReceipt>> unanswered = new LinkedHashMap<>();

  /** The failure for an event, or null to confirm it. */
  Function<Event, PublishFailure> failures = e -> null;

  boolean answerAtOnce;
  int publishedBeforeClose = -1;

  @Override
  public synchronized CompletableFuture<PublishReceipt> publish(JsonNode command) {
    return publish(EventCodec.fromCommand(command));
  }

  @Override
  public synchronized CompletableFuture<PublishReceipt> publish(Event event) {
    published.add(event);
    CompletableFuture<PublishReceipt> future = new CompletableFuture<>();
    if (answerAtOnce) {
      answer(event, future);
    } else {
      unanswered.put(event, future);
    }
    return future;
  }

  @Override
  public synchronized void close() {
    if (publishedBeforeClose < 0) {
      publishedBeforeClose = published.size();
    }
    unanswered.forEach(this::answer);
    unanswered.clear();
  }

  private void answer(Event event, CompletableFuture<PublishReceipt> future) {
    PublishFailure failure = failures.apply(event);
    if (failure == null) {
      future.complete(new PublishReceipt(event.eventId(), "m-" + event.eventId()));
    } else {
      future.completeExceptionally(
          new PublishFailedException(event.eventId(), event.entityKey(), TOPIC, failure, null));
    }
  }
}
