package io.lagline.reconciler.it;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One isolated pipeline for a test on the shared local stack: its own topic, subscription, keyspace
 * and config file, the mapping the tests use, and helpers to publish and read back.
 */
final class Pipeline {
  static final String MAPPING = TestMappings.DEVICES_YAML;

  final String name;
  final Path configFile;
  final String topic;
  private final LocalStack stack;

  Pipeline(LocalStack stack, PubSubTestResources pubsub, Path dir, String name, String extraConfig)
      throws IOException {
    this(stack, pubsub, dir, name, extraConfig, MAPPING);
  }

  Pipeline(
      LocalStack stack,
      PubSubTestResources pubsub,
      Path dir,
      String name,
      String extraConfig,
      String mappingYaml)
      throws IOException {
    this.stack = stack;
    this.name = name;
    this.topic = "projects/" + stack.projectId() + "/topics/" + name;
    pubsub.createTopic(name);
    pubsub.createSubscription(name + "-sub", name);
    pubsub.createTopic(name + "-dlq");
    pubsub.createSubscription(name + "-dlq-sub", name + "-dlq");
    Path mapping = Files.writeString(dir.resolve(name + "-mapping.yaml"), mappingYaml);
    this.configFile =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            String.format(
                """
                pubsub:
                  subscription: projects/%s/subscriptions/%s-sub
                  dead-letter: { topic: projects/%s/topics/%s-dlq }
                  emulator-host: %s
                cassandra:
                  contact-points: [%s]
                  local-datacenter: %s
                  keyspace: %s
                  request-timeout: 5s
                mapping:
                  file: %s
                admin:
                  host: 127.0.0.1
                  port: 0
                retry:
                  max-attempts: 3
                  initial-backoff: 20ms
                  max-backoff: 200ms
                schema:
                  replication: { class: SimpleStrategy, replication_factor: 1 }
                %s
                """,
                stack.projectId(),
                name,
                stack.projectId(),
                name,
                stack.pubsubEmulatorHost(),
                stack.cassandraContactPointsString(),
                stack.localDatacenter(),
                name,
                mapping,
                extraConfig));
  }

  ReconcilerConfig config() {
    return ConfigLoader.load(configFile, Map.of());
  }

  /** Runs the CLI in process; returns exit code and output. */
  static CliResult cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ReconcilerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliResult(code, out.toString(), err.toString());
  }

  void applySchema() {
    CliResult result = cli("schema", "--config", configFile.toString(), "--apply");
    if (result.code() != 0) {
      throw new AssertionError("schema --apply failed: " + result);
    }
  }

  void publish(List<Event> events) throws Exception {
    try (PubSubConnection connection = PubSubConnection.emulator(stack.pubsubEmulatorHost());
        PubSubEventPublisher publisher =
            PubSubEventPublisher.create(
                TopicPath.parse(topic),
                connection,
                PublisherSettings.defaults(),
                new PublishMetrics())) {
      List<CompletableFuture<?>> receipts = new ArrayList<>();
      for (Event event : events) {
        receipts.add(publisher.publish(event));
      }
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    }
  }

  /** Publishes messages as they are, unvalidated: how poison reaches the topic. */
  void publishRaw(List<PubsubMessage> messages) throws Exception {
    try (PubSubTestResources resources = stack.connectPubSub()) {
      Publisher publisher =
          resources
              .connection()
              .configure(Publisher.newBuilder(topic))
              .setBatchingSettings(
                  BatchingSettings.newBuilder()
                      .setElementCountThreshold(100L)
                      .setDelayThresholdDuration(Duration.ofMillis(5))
                      .setFlowControlSettings(
                          FlowControlSettings.newBuilder()
                              .setMaxOutstandingElementCount(1_000L)
                              .setMaxOutstandingRequestBytes(16L * 1024 * 1024)
                              .setLimitExceededBehavior(LimitExceededBehavior.Block)
                              .build())
                      .build())
              .build();
      try {
        List<ApiFuture<String>> ids = new ArrayList<>();
        for (PubsubMessage message : messages) {
          ids.add(publisher.publish(message));
        }
        ApiFutures.allAsList(ids).get(1, TimeUnit.MINUTES);
      } finally {
        publisher.shutdown();
        publisher.awaitTermination(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Pulls (and acks) what reached the dead-letter topic until {@code expected} have arrived. */
  List<PubsubMessage> deadLetters(int expected, Duration timeout) throws Exception {
    List<PubsubMessage> received = new CopyOnWriteArrayList<>();
    try (PubSubTestResources resources = stack.connectPubSub()) {
      Subscriber subscriber =
          resources
              .connection()
              .configure(
                  Subscriber.newBuilder(
                      resources.subscriptionName(name + "-dlq-sub").toString(),
                      (MessageReceiver)
                          (message, reply) -> {
                            received.add(message);
                            reply.ack();
                          }))
              .build();
      subscriber.startAsync().awaitRunning();
      try {
        await().atMost(timeout).until(() -> received.size() >= expected);
      } finally {
        subscriber.stopAsync().awaitTerminated(30, TimeUnit.SECONDS);
      }
    }
    return List.copyOf(received);
  }

  /** A DeviceSynced event of the test mapping, version {@code version} of {@code device}. */
  static Event synced(String device, long version, ObjectNode payload) {
    return new Event(
        UUID.randomUUID().toString(),
        "DeviceSynced",
        1,
        device,
        version,
        Instant.parse("2026-11-23T06:00:00Z").plusSeconds(version),
        payload);
  }

  String subscription() {
    return "projects/" + stack.projectId() + "/subscriptions/" + name + "-sub";
  }

  List<Row> rows(CqlSession session, String table) {
    return session
        .execute(
            SimpleStatement.newInstance("SELECT * FROM " + name + "." + table)
                .setTimeout(Duration.ofSeconds(30)))
        .all();
  }

  record CliResult(int code, String out, String err) {}
}
