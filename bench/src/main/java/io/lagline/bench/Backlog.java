package io.lagline.bench;

import io.lagline.event.Event;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scenario's topic (with its dead-letter topic and its reconciled topic, which a reconciler with
 * notifications on publishes to), its subscriptions, and a published backlog.
 */
final class Backlog {
  private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

  private Backlog() {}

  /** The reconciled topic of {@code topicId}: {@code topicId-reconciled}. */
  static String reconciledTopicId(String topicId) {
    return topicId + "-reconciled";
  }

  /**
   * Creates {@code topicId}, {@code topicId-dlq}, {@code topicId-reconciled} and one subscription
   * per id, then publishes the events (nothing when empty). The reconciled topic has no
   * subscription: the emulator accepts notifications and keeps none, so a run with notifications on
   * measures what publishing them costs the reconciler, not an emulator holding more.
   */
  static void publish(
      PubSubTestResources pubsub,
      String topicId,
      List<String> subscriptionIds,
      List<Event> events) {
    publish(pubsub, topicId, subscriptionIds, events, Duration.ZERO);
  }

  /**
   * As {@link #publish(PubSubTestResources, String, List, List)}, {@code topicId} created keeping
   * its messages, acknowledged ones included, for {@code retention} (none when zero), so that a
   * subscription can be sought back over the backlog (the rebuild row).
   */
  static void publish(
      PubSubTestResources pubsub,
      String topicId,
      List<String> subscriptionIds,
      List<Event> events,
      Duration retention) {
    if (retention.isZero()) {
      pubsub.createTopic(topicId);
    } else {
      pubsub.createTopic(topicId, retention);
    }
    pubsub.createTopic(topicId + "-dlq");
    pubsub.createTopic(reconciledTopicId(topicId));
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
