package io.lagline.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Reconciled;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReconciledSubscriber} against the real Pub/Sub emulator, reading notifications built by
 * hand as the contract describes them (docs/CONTRACT.md, "The reconciled stream").
 */
class ReconciledSubscriberIT {
  private static final String PROJECT = "demo-project";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static PubSubEmulator emulator;
  private static PubSubTestResources pubsub;

  @BeforeAll
  static void startEmulator() {
    emulator =
        PubSubEmulator.start(
            PubSubEmulatorOptions.builder().projectId(PROJECT).maxHeap("512m").build(),
            Path.of("target", "pubsub-emulator", "reconciled-subscriber-it"));
    pubsub = PubSubTestResources.connect(emulator.host(), PROJECT);
  }

  @AfterAll
  static void stopEmulator() {
    if (pubsub != null) {
      pubsub.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void each_event_is_handled_once_and_the_waiter_sees_its_version() throws Exception {
    String subscription = topicWithSubscription("once");
    List<Notification> handled = new CopyOnWriteArrayList<>();
    VersionWaiter waiter = VersionWaiter.withDefaults();
    CompletableFuture<Notification> device1AtV3 = waiter.await("device-1", 3, WAIT);

    try (ReconciledSubscriber subscriber =
        ReconciledSubscriber.start(
            pubsub.connection(),
            subscription,
            handled::add,
            Deduplicator.withDefaultWindow(),
            waiter)) {
      Map<String, String> redelivery = TestNotifications.attributes("e-2", "device-1", 2);
      redelivery.put(Reconciled.OUTCOME, "duplicate");
      redelivery.put(Reconciled.ROW_OUTCOMES, "device_state=duplicate,sync_history=duplicate");
      Map<String, String> stale = TestNotifications.attributes("e-5", "device-2", 4);
      stale.put(Reconciled.OUTCOME, "stale");
      stale.put(Reconciled.VERSION, "6");
      stale.put(Reconciled.ROW_OUTCOMES, "device_state=stale,sync_history=applied");
      publish(
          "once",
          TestNotifications.message("e-1", "device-1", 1),
          TestNotifications.message("e-2", "device-1", 2),
          // the reconciler crashed between publish and ack: the same event, notified again
          TestNotifications.message(redelivery, TestNotifications.PAYLOAD),
          TestNotifications.message("e-3", "device-1", 3),
          TestNotifications.message(stale, TestNotifications.PAYLOAD),
          PubsubMessage.newBuilder().putAttributes("event_id", "not-a-notification").build());

      assertThat(device1AtV3.get(WAIT.toSeconds(), TimeUnit.SECONDS).eventId()).isEqualTo("e-3");
      await().atMost(WAIT).until(() -> total(subscriber.counts()) == 6);

      assertThat(handled)
          .extracting(Notification::eventId)
          .containsExactlyInAnyOrder("e-1", "e-2", "e-3", "e-5");
      assertThat(subscriber.counts()).isEqualTo(new ReconciledSubscriber.Counts(4, 1, 1, 0));
      Notification e5 =
          handled.stream().filter(n -> n.eventId().equals("e-5")).findFirst().orElseThrow();
      assertThat(e5.outcome()).isEqualTo(Outcome.STALE);
      assertThat(e5.reconciledVersion()).isEqualTo(6);
      assertThat(e5.attributes()).containsEntry("tenant", "acme");
      assertThat(e5.payload())
          .hasValueSatisfying(
              p -> assertThat(p.toStringUtf8()).isEqualTo(TestNotifications.PAYLOAD));
      assertThat(waiter.await("device-2", 5, WAIT))
          .as("seen before the call: the database shows version 6")
          .isCompleted();
    }
  }

  @Test
  void a_handler_failure_nacks_and_pubsub_redelivers_the_notification() throws Exception {
    String subscription = topicWithSubscription("redeliver");
    List<String> handled = new CopyOnWriteArrayList<>();
    AtomicBoolean failed = new AtomicBoolean();
    NotificationHandler handler =
        n -> {
          if (failed.compareAndSet(false, true)) {
            throw new IllegalStateException("downstream unavailable");
          }
          handled.add(n.eventId());
        };

    try (ReconciledSubscriber subscriber =
        ReconciledSubscriber.start(
            pubsub.connection(),
            subscription,
            handler,
            Deduplicator.withDefaultWindow(),
            VersionWaiter.withDefaults())) {
      publish("redeliver", TestNotifications.message("e-9", "device-9", 9));

      await().atMost(WAIT).until(() -> handled.size() == 1);
      assertThat(handled).containsExactly("e-9");
      assertThat(subscriber.counts()).isEqualTo(new ReconciledSubscriber.Counts(1, 0, 0, 1));
    }
  }

  private static long total(ReconciledSubscriber.Counts counts) {
    return counts.handled() + counts.duplicates() + counts.invalid() + counts.failed();
  }

  private static String topicWithSubscription(String name) {
    pubsub.createTopic(name);
    return pubsub.createSubscription(name + "-consumer", name).toString();
  }

  private static void publish(String topic, PubsubMessage... messages)
      throws IOException, InterruptedException {
    Publisher publisher =
        pubsub.connection().configure(Publisher.newBuilder(pubsub.topicName(topic))).build();
    try {
      List<com.google.api.core.ApiFuture<String>> ids = new ArrayList<>();
      for (PubsubMessage message : messages) {
        // a message id is the server's to give
        ids.add(publisher.publish(message.toBuilder().clearMessageId().build()));
      }
      ApiFutures.allAsList(ids).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("publishing to " + topic + " failed", e);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
