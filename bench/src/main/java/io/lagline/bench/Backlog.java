package io.lagline.bench;

import io.lagline.event.Event;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A scenario's topic (with its dead-letter topic), its subscriptions, and a published backlog. */
final class Backlog {
  private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

  private Backlog() {}

  /**
   * Creates {@code topicId}, {@code topicId-dlq} and one subscription per id, then publishes the
   * events (nothing when empty).
   */
  static void publish(
      PubSubTestResources pubsub,
      String topicId,
      List<String> subscriptionIds,
      List<Event> events) {
    pubsub.createTopic(topicId);
    pubsub.createTopic(topicId + "-dlq");
    subscriptionIds.forEach(id -> pubsub.createSubscription(id, topicId));
    if (!events.isEmpty()) {
      long start = System.nanoTime();
      Publishing.backlog(pubsub.emulatorHost(), topicId, events);
      LOG.info(
          "published {} events to {} in {} ms",
          events.size(),
          topicId,
          (System.nanoTime() - start) / 1_000_000);
    }
  }
}
