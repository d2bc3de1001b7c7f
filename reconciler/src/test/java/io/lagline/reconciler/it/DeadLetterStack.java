package io.lagline.reconciler.it;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.config.DeadLetterConfig;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Pub/Sub emulator (no Cassandra: the Pub/Sub commands never connect to it) with helpers to
 * write a config, publish raw messages and look at a subscription the way an operator would.
 */
final class DeadLetterStack implements AutoCloseable {
  static final String PROJECT = "demo-project";
  private static final Duration PULL_WAIT = Duration.ofSeconds(3);

  final PubSubEmulator emulator;
  final PubSubTestResources pubsub;
  final SubscriptionAdminClient subscriptions;
  private final SubscriberStub stub;
  private final Path dir;

  private DeadLetterStack(PubSubEmulator emulator, Path dir) throws IOException {
    this.emulator = emulator;
    this.dir = dir;
    this.pubsub = PubSubTestResources.connect(emulator.host(), PROJECT);
    this.subscriptions =
        SubscriptionAdminClient.create(
            pubsub.connection().configure(SubscriptionAdminSettings.newBuilder()).build());
    this.stub =
        GrpcSubscriberStub.create(
            pubsub.connection().configureStub(SubscriberStubSettings.newBuilder()).build());
  }

  static DeadLetterStack start(String name) throws IOException {
    PubSubEmulator emulator =
        PubSubEmulator.start(
            PubSubEmulatorOptions.builder().projectId(PROJECT).maxHeap("512m").build(),
            Path.of("target", "pubsub-emulator", name));
    return new DeadLetterStack(emulator, Files.createTempDirectory(name));
  }

  static String topic(String id) {
    return "projects/" + PROJECT + "/topics/" + id;
  }

  static String subscription(String id) {
    return "projects/" + PROJECT + "/subscriptions/" + id;
  }

  /**
   * A config for pipeline {@code name}: topic {@code name}, subscription {@code name-sub},
   * dead-letter topic {@code name-dlq} and subscription {@code name-dlq-sub}, plus {@code extra}
   * lines under {@code pubsub:}.
   */
  Path config(String name, String... extra) throws IOException {
    return config(name, DeadLetterConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS, extra);
  }

  /**
   * As {@link #config(String, String...)}, with {@code pubsub.dead-letter.max-delivery-attempts}.
   */
  Path config(String name, int maxDeliveryAttempts, String... extra) throws IOException {
    Path mapping =
        Files.writeString(dir.resolve(name + "-mapping.yaml"), TestMappings.DEVICES_YAML);
    StringBuilder pubsubLines = new StringBuilder();
    for (String line : extra) {
      pubsubLines.append("  ").append(line).append('\n');
    }
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        """
        pubsub:
          subscription: %s
          topic: %s
          emulator-host: %s
          dead-letter:
            topic: %s
            subscription: %s
            max-delivery-attempts: %d
        %s\
        cassandra: { contact-points: [127.0.0.1:9042], local-datacenter: dc1, keyspace: %s }
        mapping: { file: %s }
        """
            .formatted(
                subscription(name + "-sub"),
                topic(name),
                emulator.host(),
                topic(name + "-dlq"),
                subscription(name + "-dlq-sub"),
                maxDeliveryAttempts,
                pubsubLines,
                name.replace('-', '_'),
                mapping));
  }

  /** Publishes one message and waits for its message id. */
  String publish(String topicId, String data, Map<String, String> attributes) throws Exception {
    Publisher publisher =
        pubsub.connection().configure(Publisher.newBuilder(topic(topicId))).build();
    try {
      return publisher
          .publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFromUtf8(data))
                  .putAllAttributes(attributes)
                  .build())
          .get(30, TimeUnit.SECONDS);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** One pull (up to 100 messages, waiting a little); the messages stay held until acked/nacked. */
  List<ReceivedMessage> pull(String subscriptionId) {
    try {
      return stub.pullCallable()
          .call(
              PullRequest.newBuilder()
                  .setSubscription(subscription(subscriptionId))
                  .setMaxMessages(100)
                  .build(),
              GrpcCallContext.createDefault().withTimeoutDuration(PULL_WAIT))
          .getReceivedMessagesList();
    } catch (DeadlineExceededException e) {
      return List.of();
    }
  }

  /** Every message waiting on the subscription, consumed (acked). */
  List<ReceivedMessage> drain(String subscriptionId) {
    List<ReceivedMessage> all = new ArrayList<>();
    for (List<ReceivedMessage> batch = pull(subscriptionId);
        !batch.isEmpty();
        batch = pull(subscriptionId)) {
      all.addAll(batch);
      stub.acknowledgeCallable()
          .call(
              AcknowledgeRequest.newBuilder()
                  .setSubscription(subscription(subscriptionId))
                  .addAllAckIds(batch.stream().map(ReceivedMessage::getAckId).toList())
                  .build());
    }
    return all;
  }

  /** Acks messages: Pub/Sub does not deliver them again. */
  void ack(String subscriptionId, List<ReceivedMessage> messages) {
    stub.acknowledgeCallable()
        .call(
            AcknowledgeRequest.newBuilder()
                .setSubscription(subscription(subscriptionId))
                .addAllAckIds(messages.stream().map(ReceivedMessage::getAckId).toList())
                .build());
  }

  /** Nacks messages: Pub/Sub delivers them again (and counts a delivery attempt). */
  void nack(String subscriptionId, List<ReceivedMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    stub.modifyAckDeadlineCallable()
        .call(
            ModifyAckDeadlineRequest.newBuilder()
                .setSubscription(subscription(subscriptionId))
                .addAllAckIds(messages.stream().map(ReceivedMessage::getAckId).toList())
                .setAckDeadlineSeconds(0)
                .build());
  }

  @Override
  public void close() {
    stub.close();
    subscriptions.close();
    pubsub.close();
    emulator.close();
  }
}
