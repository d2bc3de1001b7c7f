package io.lagline.ops;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.admin.AdminServer;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What Prometheus scrapes in PrometheusIT: the local stack (a real Pub/Sub emulator and a real
 * Cassandra node), a reconciler on a fixed admin port (so it can be stopped and started again at
 * the same scrape target), and a producer whose Micrometer registry is served on its own {@code
 * /metrics} endpoint, as a service embedding the producer library would serve it.
 */
final class MonitoredStack implements AutoCloseable {
  static final String TOPIC = "ops-events";

  private final LocalStack stack;
  private final ReconcilerConfig config;
  private final int reconcilerPort;
  private final PrometheusMeterRegistry producerRegistry;
  private final AdminServer producerEndpoint;
  private final PubSubConnection connection;
  private final PubSubEventPublisher publisher;
  private final Heartbeats heartbeats;
  private final MonitoredIngest ingest;
  private volatile ReconcilerApp reconciler;

  private MonitoredStack(LocalStack stack, ReconcilerConfig config, int reconcilerPort) {
    this.stack = stack;
    this.config = config;
    this.reconcilerPort = reconcilerPort;
    this.producerRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PublishMetrics metrics = new PublishMetrics();
    metrics.bindTo(producerRegistry);
    this.producerEndpoint =
        AdminServer.start("127.0.0.1", 0, producerRegistry, List.of(), List.of());
    this.connection = PubSubConnection.emulator(stack.pubsubEmulatorHost());
    this.publisher =
        PubSubEventPublisher.create(
            TopicPath.parse(config.pubsub().topic()),
            connection,
            PublisherSettings.defaults(),
            metrics);
    // the producer heartbeats at its default interval: the watermark panels and alert read them
    this.heartbeats =
        Heartbeats.start(publisher, "ops-it-producer", Heartbeats.DEFAULT_INTERVAL, metrics);
    this.ingest = MonitoredIngest.start(stack.pubsubEmulatorHost(), config.pubsub().topic());
    startReconciler();
  }

  /** Starts the stack, creates topic, subscription and schema, then reconciler and producer. */
  static MonitoredStack start(Path dir) {
    LocalStack stack = LocalStack.start(LocalStackOptions.defaults());
    try {
      int port = PrometheusServer.freePort();
      ReconcilerConfig config = ConfigLoader.load(writeConfig(stack, dir, port), Map.of());
      try (PubSubTestResources pubsub = stack.connectPubSub()) {
        pubsub.createTopic(TOPIC);
        pubsub.createTopic(TOPIC + "-dead-letter");
        pubsub.createSubscription(config.pubsub().subscriptionId(), TOPIC);
      }
      try (CqlSession session = CassandraSessions.open(config.cassandra(), null, false)) {
        SchemaApplier.apply(
            session,
            config.cassandra().keyspace(),
            config.schema().replication(),
            MappingLoader.load(config.mappingFile()),
            ran -> {});
      }
      return new MonitoredStack(stack, config, port);
    } catch (RuntimeException e) {
      stack.keepLogs();
      stack.close();
      throw e;
    }
  }

  String reconcilerTarget() {
    return "127.0.0.1:" + reconcilerPort;
  }

  String producerTarget() {
    return "127.0.0.1:" + producerEndpoint.port();
  }

  /** The ingest service publishing to the stack's topic. */
  MonitoredIngest ingest() {
    return ingest;
  }

  /** The running reconciler. */
  ReconcilerApp reconciler() {
    return reconciler;
  }

  /** Starts a reconciler on the fixed admin port (a restart is a new process to Prometheus). */
  void startReconciler() {
    reconciler = ReconcilerApp.start(config);
  }

  /** Stops the reconciler as SIGTERM would: drains, then closes its admin endpoint. */
  void stopReconciler() {
    reconciler.close();
  }

  /** Messages the running reconciler has acked. */
  double acked() {
    Counter counter =
        reconciler.registry().find("lagline.reconciler.replies").tag("reply", "ack").counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Publishes {@code events} evenly over {@code duration} (a steady stream, not one burst) and
   * waits for Pub/Sub to confirm every one.
   */
  void publishSteadily(List<Event> events, Duration duration) throws Exception {
    long tick = TimeUnit.MILLISECONDS.toNanos(100);
    long ticks = Math.max(1, duration.toNanos() / tick);
    int perTick = (int) Math.ceil(events.size() / (double) ticks);
    List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>(events.size());
    long start = System.nanoTime();
    for (int i = 0; i < events.size(); i += perTick) {
      long due = start + (i / perTick) * tick;
      TimeUnit.NANOSECONDS.sleep(due - System.nanoTime()); // pacing the stream, not a wait
      for (Event event : events.subList(i, Math.min(events.size(), i + perTick))) {
        receipts.add(publisher.publish(event));
      }
    }
    CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
  }

  /**
   * {@code count} valid events the mapping cannot apply ({@code DeviceSynced} without {@code
   * steps}): the reconciler dead-letters them with reason {@code missing_field}.
   */
  static List<Event> poison(int count) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode payload = EventCodec.json().createObjectNode().put("heart_rate", 60);
      events.add(
          new Event(
              UUID.randomUUID().toString(),
              "DeviceSynced",
              1,
              "poison-" + i,
              1,
              Instant.now(),
              payload));
    }
    return events;
  }

  @Override
  public void close() {
    try (LocalStack ignored = stack) {
      ingest.close();
      heartbeats.close();
      publisher.close();
      connection.close();
      producerEndpoint.close();
      reconciler.close();
    }
  }

  private static Path writeConfig(LocalStack stack, Path dir, int adminPort) {
    String project = stack.projectId();
    String yaml =
        """
        pubsub:
          subscription: projects/%1$s/subscriptions/%2$s-reconciler
          topic: projects/%1$s/topics/%2$s
          dead-letter:
            topic: projects/%1$s/topics/%2$s-dead-letter
          emulator-host: %3$s
        cassandra:
          contact-points: [%4$s]
          local-datacenter: %5$s
          keyspace: ops
        mapping:
          file: %6$s
        admin:
          host: 127.0.0.1
          port: %7$d
        shutdown:
          drain-timeout: 5s
        schema:
          replication: { class: SimpleStrategy, replication_factor: 1 }
        """
            .formatted(
                project,
                TOPIC,
                stack.pubsubEmulatorHost(),
                stack.cassandraContactPointsString(),
                stack.localDatacenter(),
                OpsFiles.mapping(),
                adminPort);
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("reconciler.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reconciler config in " + dir, e);
    }
  }
}
