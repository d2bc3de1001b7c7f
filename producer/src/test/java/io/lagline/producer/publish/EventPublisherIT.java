package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.testing.Emulators;
import io.lagline.producer.testing.MessageCollector;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PubSubEventPublisher} against the real Pub/Sub emulator. */
class EventPublisherIT {
  private static PubSubEmulator emulator;
  private static PubSubTestResources pubsub;
  private static PubSubConnection connection;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PublishMetrics metrics = new PublishMetrics();

  @BeforeAll
  static void startEmulator() {
    emulator = Emulators.start("event-publisher-it");
    pubsub = PubSubTestResources.connect(emulator.host(), Emulators.PROJECT);
    connection = PubSubConnection.emulator(emulator.host());
  }

  @AfterAll
  static void stopEmulator() {
    if (connection != null) {
      connection.close();
    }
    if (pubsub != null) {
      pubsub.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  EventPublisherIT() {
    metrics.bindTo(registry);
  }

  @Test
  void a_subscriber_receives_each_event_with_its_envelope_as_attributes_and_its_payload_as_data()
      throws Exception {
    ProjectSubscriptionName subscription = topicWithSubscription("basic", false);
    List<Event> events = new ArrayList<>();
    List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      try (EventPublisher publisher = publisher("basic", PublisherSettings.defaults())) {
        for (int i = 0; i < 300; i++) {
          Event event = EventCodec.fromCommand(command("device-" + (i % 20), i + 1L));
          events.add(event);
          receipts.add(publisher.publish(event));
        }
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).join();
      }
      List<PubsubMessage> received = collector.await(events.size());

      Map<String, PubsubMessage> byEventId =
          received.stream()
              .collect(
                  Collectors.toMap(m -> m.getAttributesOrThrow("event_id"), Function.identity()));
      assertThat(byEventId).hasSize(events.size());
      for (int i = 0; i < events.size(); i++) {
        Event event = events.get(i);
        PubsubMessage message = byEventId.get(event.eventId());
        assertThat(message.getAttributesMap()).isEqualTo(event.attributes());
        assertThat(message.getData().toByteArray()).isEqualTo(event.data());
        assertThat(message.getOrderingKey()).isEmpty();
        assertThat(receipts.get(i).join())
            .isEqualTo(new PublishReceipt(event.eventId(), message.getMessageId()));
        // what the reconciler will decode: the same envelope and payload
        Event decoded =
            EventCodec.decode(message.getAttributesMap(), message.getData().toByteArray());
        assertThat(decoded.attributes()).isEqualTo(event.attributes());
        assertThat(decoded.payload().toString()).isEqualTo(event.payload().toString());
      }
    }
    assertThat(
            registry
                .get(PublishMetrics.PUBLISHES)
                .tag(PublishMetrics.OUTCOME, "ok")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(300);
    assertThat(metrics.outstanding()).isZero();
  }

  @Test
  void with_ordering_on_each_message_carries_its_entity_key_as_ordering_key() throws Exception {
    ProjectSubscriptionName subscription = topicWithSubscription("ordered", true);

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      try (EventPublisher publisher =
          publisher("ordered", PublisherSettings.builder().ordering(true).build())) {
        for (int version = 1; version <= 5; version++) {
          publisher.publish(command("device-a", version));
          publisher.publish(command("device-b", version));
        }
      }
      List<PubsubMessage> received = collector.await(10);

      assertThat(received)
          .allSatisfy(
              m -> assertThat(m.getOrderingKey()).isEqualTo(m.getAttributesOrThrow("entity_key")));
      assertThat(versionsOf(received, "device-a")).containsExactly("1", "2", "3", "4", "5");
      assertThat(versionsOf(received, "device-b")).containsExactly("1", "2", "3", "4", "5");
    }
  }

  @Test
  void close_sends_what_is_still_batched_and_waits_for_the_confirmations() {
    pubsub.createTopic("flush");
    PublisherSettings slowBatches =
        PublisherSettings.builder().batchDelay(Duration.ofSeconds(10)).build();
    List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>();

    EventPublisher publisher = publisher("flush", slowBatches);
    for (int i = 1; i <= 3; i++) {
      receipts.add(publisher.publish(command("device-" + i, 1)));
    }
    assertThat(receipts).noneMatch(CompletableFuture::isDone);
    publisher.close();

    assertThat(receipts).allMatch(r -> r.isDone() && !r.isCompletedExceptionally());
  }

  @Test
  void publishing_to_a_topic_that_does_not_exist_fails_saying_how_to_create_it() {
    try (EventPublisher publisher = publisher("no-such-topic", PublisherSettings.defaults())) {
      CompletableFuture<PublishReceipt> receipt = publisher.publish(command("device-1", 1));

      assertThatThrownBy(receipt::join)
          .cause()
          .isInstanceOfSatisfying(
              PublishFailedException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(PublishFailure.TOPIC_NOT_FOUND);
                assertThat(e.failure().fatal()).isTrue();
              })
          .hasMessageContaining("topic projects/demo-project/topics/no-such-topic does not exist")
          .hasMessageContaining("gcloud pubsub topics create no-such-topic --project=demo-project");
    }
    assertThat(
            registry
                .get(PublishMetrics.PUBLISHES)
                .tag(PublishMetrics.OUTCOME, "failed")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(1);
  }

  private EventPublisher publisher(String topic, PublisherSettings settings) {
    return PubSubEventPublisher.create(
        new TopicPath(Emulators.PROJECT, topic), connection, settings, metrics);
  }

  private static ProjectSubscriptionName topicWithSubscription(String topic, boolean ordered)
      throws Exception {
    pubsub.createTopic(topic);
    ProjectSubscriptionName name = pubsub.subscriptionName(topic + "-sub");
    if (!ordered) {
      return pubsub.createSubscription(topic + "-sub", topic);
    }
    try (var admin =
        com.google.cloud.pubsub.v1.SubscriptionAdminClient.create(
            pubsub
                .connection()
                .configure(com.google.cloud.pubsub.v1.SubscriptionAdminSettings.newBuilder())
                .build())) {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(name.toString())
              .setTopic(pubsub.topicName(topic).toString())
              .setAckDeadlineSeconds(60)
              .setEnableMessageOrdering(true)
              .build());
    }
    return name;
  }

  private static List<String> versionsOf(List<PubsubMessage> messages, String entityKey) {
    return messages.stream()
        .filter(m -> m.getAttributesOrThrow("entity_key").equals(entityKey))
        .map(m -> m.getAttributesOrThrow("entity_version"))
        .toList();
  }

  private static JsonNode command(String entityKey, long version) {
    ObjectNode command = EventCodec.json().createObjectNode();
    command.put("event_type", "DeviceSynced");
    command.put("schema_version", 1);
    command.put("entity_key", entityKey);
    command.put("entity_version", version);
    command.putObject("payload").put("version", version).put("note", "x".repeat(200));
    return command;
  }
}
