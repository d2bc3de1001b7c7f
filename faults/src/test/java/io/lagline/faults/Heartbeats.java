package io.lagline.faults;

import com.google.pubsub.v1.TopicName;
import io.lagline.event.Heartbeat;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A producer's heartbeats, one a second, as the producer library publishes them. */
final class Heartbeats implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  private Heartbeats() {}

  static Heartbeats start(PubSubTestResources pubsub, TopicName topic, String producer) {
    Heartbeats heartbeats = new Heartbeats();
    AtomicLong version = new AtomicLong();
    heartbeats.timer.scheduleAtFixedRate(
        () -> {
          try {
            RawPublisher.publish(
                pubsub,
                topic,
                java.util.List.of(
                    OutboundMessage.of(
                        Heartbeat.of(
                            producer, version.incrementAndGet(), Instant.now(), INTERVAL))),
                false,
                new AtomicInteger());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        0,
        INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    return heartbeats;
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(10, TimeUnit.SECONDS);
  }
}
