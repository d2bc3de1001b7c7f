package io.lagline.bench;

import io.lagline.event.Event;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes through the producer library with its default, bounded settings (at most 10,000
 * messages / 64 MiB outstanding; publishing blocks beyond that), either a whole backlog as fast as
 * it goes or at a steady rate.
 */
final class Publishing {
  private static final long TICK_NANOS = 5_000_000;

  private Publishing() {}

  /** Publishes every event and waits until Pub/Sub has acknowledged all of them. */
  static void backlog(String emulatorHost, String topicId, List<Event> events) {
    paced(emulatorHost, topicId, events, Double.POSITIVE_INFINITY);
  }

  /**
   * Publishes the events at {@code perSecond} (all of them, over {@code events.size() / perSecond}
   * seconds) and waits for the acknowledgements.
   *
   * @return the seconds publishing took, acknowledgements included
   */
  static double paced(String emulatorHost, String topicId, List<Event> events, double perSecond) {
    long start = System.nanoTime();
    try (PubSubConnection connection = PubSubConnection.emulator(emulatorHost);
        PubSubEventPublisher publisher =
            PubSubEventPublisher.create(
                TopicPath.parse(BenchStack.topic(topicId)),
                connection,
                PublisherSettings.defaults(),
                new PublishMetrics())) {
      List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>(events.size());
      int next = 0;
      while (next < events.size()) {
        long due =
            Double.isInfinite(perSecond)
                ? events.size()
                : Math.min(
                    events.size(), (long) ((System.nanoTime() - start) / 1e9 * perSecond) + 1);
        while (next < due) {
          receipts.add(publisher.publish(events.get(next++)));
        }
        if (next < events.size()) {
          TimeUnit.NANOSECONDS.sleep(TICK_NANOS); // pacing the producer to the target rate
        }
      }
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new))
          .get(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while publishing to " + topicId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchException("publishing to " + topicId + " failed: " + e, e);
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
