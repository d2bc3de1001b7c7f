package io.lagline.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.chart.MetricsSampler;
import io.lagline.chart.RunChart;
import io.lagline.event.Event;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo run on a started local stack: creates the topic, subscription and schema, starts a
 * reconciler from the sample config, publishes the workload through the producer library, waits
 * until a read-back of Cassandra matches the state expected from what was published, and
 * summarizes.
 */
final class DemoRun {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final LocalStack stack;
  private final Path configFile;
  private final DemoOptions options;

  DemoRun(LocalStack stack, Path configFile, DemoOptions options) {
    this.stack = stack;
    this.configFile = configFile;
    this.options = options;
  }

  /** Runs the demo; {@code whileUp} is called with the summary while the reconciler still runs. */
  DemoSummary run(java.util.function.Consumer<DemoSummary> whileUp) throws Exception {
    ReconcilerConfig config = ConfigLoader.load(configFile, overrides());
    String topic = "projects/" + stack.projectId() + "/topics/" + options.topic();
    try (PubSubTestResources pubsub = stack.connectPubSub()) {
      pubsub.createTopic(options.topic());
      pubsub.createSubscription(config.pubsub().subscriptionId(), options.topic());
      pubsub.createTopic(options.topic() + "-dead-letter");
    }
    applySchema(config);
    FitnessWorkload workload =
        FitnessWorkload.generate(options.events(), options.devices(), options.seed());
    ExpectedState expected = ExpectedState.of(workload.distinct());
    try (ReconcilerApp reconciler = ReconcilerApp.start(config);
        CqlSession reader = CassandraSessions.open(config.cassandra(), null);
        MetricsSampler sampler = startSampler(metricsUrl(reconciler))) {
      long start = System.nanoTime();
      publish(topic, workload.publishOrder());
      ReadBack readBack = awaitConvergence(reader, config.cassandra().keyspace(), expected, start);
      double seconds = (System.nanoTime() - start) / 1e9;
      DemoSummary summary =
          summarize(reconciler, workload, readBack, seconds, metricsUrl(reconciler));
      if (sampler != null) {
        sampler.close();
        RunChart.write(
            sampler.samples(),
            "bin/demo: " + options.events() + " messages, " + options.devices() + " devices",
            options.chart());
      }
      whileUp.accept(summary);
      return summary;
    }
  }

  private static String metricsUrl(ReconcilerApp reconciler) {
    return "http://127.0.0.1:" + reconciler.adminPort() + "/metrics";
  }

  /** Samples the reconciler's /metrics every second for the chart; null without --chart. */
  private MetricsSampler startSampler(String metricsUrl) {
    return options.chart() == null
        ? null
        : MetricsSampler.start(java.net.URI.create(metricsUrl), MetricsSampler.DEFAULT_INTERVAL);
  }

  private Map<String, String> overrides() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(
        "LAGLINE_PUBSUB_SUBSCRIPTION",
        "projects/" + stack.projectId() + "/subscriptions/" + options.topic() + "-reconciler");
    env.put(
        "LAGLINE_PUBSUB_DEAD_LETTER_TOPIC",
        "projects/" + stack.projectId() + "/topics/" + options.topic() + "-dead-letter");
    env.put("LAGLINE_PUBSUB_EMULATOR_HOST", stack.pubsubEmulatorHost());
    env.put("LAGLINE_CASSANDRA_CONTACT_POINTS", stack.cassandraContactPointsString());
    env.put("LAGLINE_CASSANDRA_LOCAL_DATACENTER", stack.localDatacenter());
    env.put("LAGLINE_ADMIN_PORT", Integer.toString(options.adminPort()));
    return env;
  }

  private static void applySchema(ReconcilerConfig config) {
    try (CqlSession session = CassandraSessions.open(config.cassandra(), null, false)) {
      int applied =
          SchemaApplier.apply(
              session,
              config.cassandra().keyspace(),
              config.schema().replication(),
              MappingLoader.load(config.mappingFile()),
              ran -> {});
      LOG.info("schema applied: {} statements", applied);
    }
  }

  private void publish(String topic, List<Event> events) throws Exception {
    try (PubSubConnection connection = PubSubConnection.emulator(stack.pubsubEmulatorHost());
        PubSubEventPublisher publisher =
            PubSubEventPublisher.create(
                TopicPath.parse(topic),
                connection,
                PublisherSettings.defaults(),
                new PublishMetrics())) {
      List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>(events.size());
      for (Event event : events) {
        receipts.add(publisher.publish(event));
      }
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      LOG.info("published {} messages to {}", events.size(), topic);
    }
  }

  private ReadBack awaitConvergence(
      CqlSession reader, String keyspace, ExpectedState expected, long start)
      throws InterruptedException {
    long deadline = start + options.timeout().toNanos();
    ReadBack readBack = ReadBack.check(reader, keyspace, expected);
    while (!readBack.converged() && System.nanoTime() < deadline) {
      Thread.sleep(
          POLL.toMillis()); // polling an external system for a condition, bounded by the deadline
      readBack = ReadBack.check(reader, keyspace, expected);
    }
    return readBack;
  }

  private static DemoSummary summarize(
      ReconcilerApp reconciler,
      FitnessWorkload workload,
      ReadBack readBack,
      double seconds,
      String metricsUrl) {
    MeterRegistry registry = reconciler.registry();
    return new DemoSummary(
        workload.publishOrder().size(),
        workload.distinct().size(),
        reconciler.metrics().events("applied"),
        reconciler.metrics().events("duplicate"),
        reconciler.metrics().events("stale"),
        reconciler.metrics().events("failed"),
        LagPercentiles.millis(registry, 0.50),
        LagPercentiles.millis(registry, 0.99),
        readBack.converged(),
        readBack.mismatches(),
        metricsUrl,
        seconds);
  }
}
