package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.Reconciled;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reconciled stream on a real emulator and a real Cassandra node: a consumer of the reconciled
 * topic that reads the event's row on receipt never finds it behind, every good event is notified,
 * poison is not, and a reconciled topic that disappears holds notifications back (nothing acked
 * without one) until it is back.
 */
class ReconciledStreamIT extends OnLocalStack {
  private static final Duration SETTLE = Duration.ofSeconds(90);

  /** A downstream consumer: reads the event's row at LOCAL_QUORUM on receipt, then acks. */
  private final class Downstream implements AutoCloseable {
    final Map<String, PubsubMessage> byEventId = new ConcurrentHashMap<>();
    final List<String> behind = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    private final Subscriber subscriber;

    Downstream(String keyspace, String subscription) {
      MessageReceiver receiver =
          (message, reply) -> {
            Map<String, String> attributes = message.getAttributesMap();
            Row row =
                session
                    .execute(
                        SimpleStatement.newInstance(
                                "SELECT entity_version FROM "
                                    + keyspace
                                    + ".device_state WHERE device_id = ?",
                                attributes.get(Attributes.ENTITY_KEY))
                            .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM))
                    .one();
            reads.incrementAndGet();
            long version = Long.parseLong(attributes.get(Attributes.ENTITY_VERSION));
            if (row == null || row.getLong("entity_version") < version) {
              behind.add(attributes.get(Attributes.EVENT_ID));
            }
            byEventId.put(attributes.get(Attributes.EVENT_ID), message);
            reply.ack();
          };
      subscriber =
          pubsub.connection().configure(Subscriber.newBuilder(subscription, receiver)).build();
      subscriber.startAsync().awaitRunning();
    }

    @Override
    public void close() throws Exception {
      subscriber.stopAsync().awaitTerminated(30, TimeUnit.SECONDS);
    }
  }

  private ReconcilerConfig config(Pipeline pipeline) {
    return ConfigLoader.load(
        pipeline.configFile,
        Map.of(
            "LAGLINE_PUBSUB_RECONCILED_TOPIC",
            "projects/" + stack.projectId() + "/topics/" + pipeline.name + "-reconciled"));
  }

  private String downstream(Pipeline pipeline) {
    pubsub.createTopic(pipeline.name + "-reconciled");
    return pubsub
        .createSubscription(pipeline.name + "-downstream", pipeline.name + "-reconciled")
        .toString();
  }

  private static List<Event> versions(String prefix, int devices, int versions) {
    List<Event> events = new ArrayList<>();
    for (int v = 1; v <= versions; v++) {
      for (int d = 0; d < devices; d++) {
        events.add(ReconcilerIT.synced(prefix + d, v, 100 * v + d));
      }
    }
    return events;
  }

  @Test
  void a_consumer_of_the_reconciled_stream_never_reads_a_row_behind_its_event() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "notified", "");
    pipeline.applySchema();
    String subscription = downstream(pipeline);
    List<Event> events = versions("d", 20, 5);
    List<Event> published = new ArrayList<>(events);
    published.addAll(events.subList(0, 10)); // redeliveries of the first ones
    java.util.Collections.shuffle(published, new java.util.Random(3));

    try (ReconcilerApp app = ReconcilerApp.start(config(pipeline));
        Downstream consumer = new Downstream(pipeline.name, subscription)) {
      pipeline.publish(published);
      pipeline.publishRaw(
          List.of(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFromUtf8("[not an object]"))
                  .putAttributes(Attributes.EVENT_ID, "poison-1")
                  .build()));

      Set<String> good = events.stream().map(Event::eventId).collect(Collectors.toSet());
      await().atMost(SETTLE).until(() -> consumer.byEventId.keySet().containsAll(good));
      pipeline.deadLetters(1, SETTLE);

      assertThat(consumer.behind).as("notified events whose row was behind on receipt").isEmpty();
      assertThat(consumer.byEventId).doesNotContainKey("poison-1");
      assertThat(consumer.reads.get()).isGreaterThanOrEqualTo(good.size());
      for (Event event : events) {
        Map<String, String> n = consumer.byEventId.get(event.eventId()).getAttributesMap();
        assertThat(n.get(Attributes.ENTITY_KEY)).isEqualTo(event.entityKey());
        assertThat(Reconciled.OUTCOMES).contains(n.get(Reconciled.OUTCOME));
        assertThat(Long.parseLong(n.get(Reconciled.VERSION)))
            .isGreaterThanOrEqualTo(event.entityVersion());
        assertThat(n.get(Reconciled.TABLES)).isEqualTo("device_state,sync_history");
        assertThat(n.get(Reconciled.PAYLOAD)).isEqualTo(Reconciled.PAYLOAD_INCLUDED);
        assertThat(n).containsKeys(Reconciled.AT, Reconciled.ORIGINAL_MESSAGE_ID);
      }
      assertThat(
              app.registry().find("lagline.reconciler.notifications").counters().stream()
                  .mapToDouble(c -> c.count())
                  .sum())
          .isGreaterThanOrEqualTo(good.size());
      assertThat(
              app.registry().find("lagline.reconciler.visible.lag").timers().stream()
                  .mapToLong(t -> t.count())
                  .sum())
          .isGreaterThanOrEqualTo(good.size());
    }
  }

  @Test
  void a_reconciled_topic_that_disappears_holds_events_unacked_until_it_is_back() throws Exception {
    Pipeline pipeline =
        new Pipeline(
            stack,
            pubsub,
            dir,
            "unnotified",
            "outage: { min-writes: 5, failure-rate-percent: 50, probe-interval: 500ms }");
    pipeline.applySchema();
    String subscription = downstream(pipeline);
    List<Event> before = versions("a", 10, 1);
    List<Event> during = versions("b", 10, 2);

    try (ReconcilerApp app = ReconcilerApp.start(config(pipeline));
        Downstream consumer = new Downstream(pipeline.name, subscription)) {
      pipeline.publish(before);
      Set<String> first = before.stream().map(Event::eventId).collect(Collectors.toSet());
      await().atMost(SETTLE).until(() -> consumer.byEventId.keySet().containsAll(first));
      consumer.close();
      pubsub.deleteSubscription(pipeline.name + "-downstream");
      pubsub.deleteTopic(pipeline.name + "-reconciled");

      pipeline.publish(during);
      await()
          .atMost(SETTLE)
          .until(() -> gauge(app, "lagline.reconciler.notifications.paused") == 1);
      await()
          .atMost(SETTLE)
          .until(() -> gauge(app, "lagline.reconciler.in.flight") == during.size());
      double acked = acks(app);
      assertThat(acked).as("nothing acked without its notification").isEqualTo(before.size());

      String again = downstream(pipeline);
      try (Downstream back = new Downstream(pipeline.name, again)) {
        Set<String> second = during.stream().map(Event::eventId).collect(Collectors.toSet());
        await().atMost(SETTLE).until(() -> back.byEventId.keySet().containsAll(second));
        assertThat(back.behind).isEmpty();
        await()
            .atMost(SETTLE)
            .until(() -> gauge(app, "lagline.reconciler.notifications.paused") == 0);
        await().atMost(SETTLE).until(() -> acks(app) >= before.size() + during.size());
      }
    }
  }

  private static double gauge(ReconcilerApp app, String name) {
    return app.registry().get(name).gauge().value();
  }

  private static double acks(ReconcilerApp app) {
    return app.registry().get("lagline.reconciler.replies").tag("reply", "ack").counter().count();
  }
}
