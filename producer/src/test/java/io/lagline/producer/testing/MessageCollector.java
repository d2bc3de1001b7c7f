package io.lagline.producer.testing;

import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/** Receives (and acks) every message of a subscription on the emulator, for ITs to assert on. */
public final class MessageCollector implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<PubsubMessage> messages = new CopyOnWriteArrayList<>();
  private final Subscriber subscriber;

  private MessageCollector(PubSubTestResources pubsub, ProjectSubscriptionName subscription) {
    MessageReceiver receiver =
        (message, consumer) -> {
          messages.add(message);
          consumer.ack();
        };
    subscriber =
        pubsub.connection().configure(Subscriber.newBuilder(subscription, receiver)).build();
    subscriber.startAsync().awaitRunning();
  }

  /** Starts receiving from {@code subscription}. */
  public static MessageCollector start(
      PubSubTestResources pubsub, ProjectSubscriptionName subscription) {
    return new MessageCollector(pubsub, subscription);
  }

  /** Waits until at least {@code count} messages arrived, and returns them all. */
  public List<PubsubMessage> await(int count) {
    Awaitility.await().atMost(WAIT).until(() -> messages.size() >= count);
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    try {
      subscriber.stopAsync().awaitTerminated(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the subscriber did not stop within 10 s", e);
    }
  }
}
