package io.lagline.demo;

import static io.lagline.demo.ReconcilerCounts.workloadEvents;
import static io.lagline.demo.ReconcilerCounts.workloadTimers;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.chart.MetricsSampler;
import io.lagline.chart.RunChart;
import io.lagline.demo.downstream.Downstream;
import io.lagline.demo.ingest.IngestStats;
import io.lagline.demo.ingest.LocalIngestService;
import io.lagline.event.Event;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.TopicPath;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo run on a started local stack: creates the topics, subscriptions and schema, starts a
 * reconciler from the sample config (with the reconciled stream on) and a producer (heartbeats on,
 * its own {@code /metrics}) and two downstream consumers (one on the raw topic, one on the
 * reconciled topic), publishes the workload through the producer library, waits until a read-back
 * of Cassandra matches the state expected from what was published (no event dead-lettered) and the
 * reconciled consumer has heard of every event, and summarizes. With {@code --ingest http} the
 * workload goes through an ingest service instead (HTTP, in this process), bad requests included,
 * which it must refuse. With {@code --keep-running} it also starts a Prometheus and, after
 * converging, keeps a trickle of events flowing until stopped.
 */
final class DemoRun {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration HEARTBEAT_INTERVAL = Heartbeats.DEFAULT_INTERVAL;

  private final LocalStack stack;
  private final Path configFile;
  private final DemoOptions options;

  DemoRun(LocalStack stack, Path configFile, DemoOptions options) {
    this.stack = stack;
    this.configFile = configFile;
    this.options = options;
  }

  /**
   * Runs the demo. {@code whileUp} is called with the summary while everything still runs; then,
   * with {@link DemoOptions#keepRunning()} and a converged read-back, the trickle flows until
   * {@code awaitStop} returns, and everything is stopped in order.
   *
   * @param awaitStop blocks until a stop is requested and says by what
   */
  DemoSummary run(Consumer<DemoSummary> whileUp, Callable<String> awaitStop) throws Exception {
    ReconcilerConfig config = ConfigLoader.load(configFile, overrides());
    String topic = "projects/" + stack.projectId() + "/topics/" + options.topic();
    try (PubSubTestResources pubsub = stack.connectPubSub()) {
      pubsub.createTopic(options.topic());
      pubsub.createSubscription(config.pubsub().subscriptionId(), options.topic());
      pubsub.createTopic(options.topic() + "-dead-letter");
      pubsub.createSubscription(rawSubscriptionId(), options.topic());
      pubsub.createTopic(reconciledTopicId());
      pubsub.createSubscription(reconciledSubscriptionId(), reconciledTopicId());
    }
    applySchema(config, stack.replication());
    FitnessWorkload workload =
        FitnessWorkload.generate(options.events(), options.devices(), options.seed());
    ExpectedState expected = ExpectedState.of(workload.distinct());
    try (ReconcilerApp reconciler = ReconcilerApp.start(config);
        DemoProducer producer =
            DemoProducer.start(
                stack.pubsubEmulatorHost(), TopicPath.parse(topic), HEARTBEAT_INTERVAL);
        LocalIngestService ingestService =
            WorkloadSender.startService(options, stack.pubsubEmulatorHost(), topic);
        DemoPrometheus prometheus = startPrometheus(reconciler, producer, ingestService);
        CqlSession reader = CassandraSessions.open(config.cassandra(), null);
        PubSubTestResources downstreamPubSub = stack.connectPubSub();
        Downstream downstream = startDownstream(downstreamPubSub, reader, config, workload);
        MetricsSampler sampler = startSampler(metricsUrl(reconciler))) {
      long start = System.nanoTime();
      IngestStats ingest =
          WorkloadSender.send(options, producer.publisher(), ingestService, topic, workload);
      ReadBack readBack = awaitConvergence(reader, config.cassandra().keyspace(), expected, start);
      downstream.awaitReconciled(start + options.timeout().toNanos());
      double seconds = (System.nanoTime() - start) / 1e9;
      DemoSummary summary =
          summarize(
              reconciler,
              workload,
              readBack,
              ingest,
              downstream,
              seconds,
              producer.metricsUrl(),
              ingestService == null ? null : ingestService.uri() + "/metrics",
              prometheus == null ? null : prometheus.url());
      if (sampler != null) {
        sampler.close();
        RunChart.write(
            sampler.samples(),
            "bin/demo: " + options.events() + " messages, " + options.devices() + " devices",
            options.chart());
      }
      whileUp.accept(summary);
      if (options.keepRunning() && summary.converged()) {
        trickleUntilStopped(producer, workload, awaitStop);
      }
      return summary;
    }
  }

  /** Publishes the trickle until {@code awaitStop} returns; stops it first thing. */
  private void trickleUntilStopped(
      DemoProducer producer, FitnessWorkload workload, Callable<String> awaitStop)
      throws Exception {
    try (Trickle trickle =
        Trickle.start(
            producer.publisher(),
            workload,
            options.devices(),
            options.trickleRate(),
            options.seed() + 1)) {
      String reason = awaitStop.call();
      trickle.close();
      LOG.info(
          "stopping ({}) after {} trickle events: Prometheus, producer, reconciler, then the stack",
          reason,
          trickle.published());
    }
  }

  /** The Prometheus of {@code --keep-running}, where installed; null otherwise. */
  private DemoPrometheus startPrometheus(
      ReconcilerApp reconciler, DemoProducer producer, LocalIngestService ingestService) {
    if (!options.keepRunning()) {
      return null;
    }
    Map<String, String> jobs = new LinkedHashMap<>();
    jobs.put("lagline-reconciler", "127.0.0.1:" + reconciler.adminPort());
    jobs.put("lagline-producer", URI.create(producer.metricsUrl()).getAuthority());
    jobs.put("lagline-producer-serve", ingestService.uri().getAuthority());
    return DemoPrometheus.startIfInstalled(jobs, RepoPaths.alertRules()).orElse(null);
  }

  /** The raw and the reconciled consumer, on subscriptions of their own. */
  private Downstream startDownstream(
      PubSubTestResources pubsub,
      CqlSession session,
      ReconcilerConfig config,
      FitnessWorkload workload) {
    return Downstream.start(
        pubsub.connection(),
        session,
        config.cassandra().keyspace(),
        pubsub.subscriptionName(rawSubscriptionId()).toString(),
        pubsub.subscriptionName(reconciledSubscriptionId()).toString(),
        workload.distinct().stream().map(Event::eventId).toList());
  }

  private String rawSubscriptionId() {
    return options.topic() + "-downstream-raw";
  }

  private String reconciledTopicId() {
    return options.topic() + "-reconciled";
  }

  private String reconciledSubscriptionId() {
    return options.topic() + "-reconciled-downstream";
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
    // the demo always runs with the reconciled stream on (the sample config leaves it off)
    env.put(
        "LAGLINE_PUBSUB_RECONCILED_TOPIC",
        "projects/" + stack.projectId() + "/topics/" + reconciledTopicId());
    env.put(
        "LAGLINE_PUBSUB_RECONCILED_SUBSCRIPTION",
        "projects/" + stack.projectId() + "/subscriptions/" + reconciledSubscriptionId());
    env.put("LAGLINE_PUBSUB_EMULATOR_HOST", stack.pubsubEmulatorHost());
    env.put("LAGLINE_CASSANDRA_CONTACT_POINTS", stack.cassandraContactPointsString());
    env.put("LAGLINE_CASSANDRA_LOCAL_DATACENTER", stack.localDatacenter());
    env.put("LAGLINE_ADMIN_PORT", Integer.toString(options.adminPort()));
    env.putIfAbsent("LAGLINE_ADMIN_HOST", "127.0.0.1"); // a local demo: loopback only
    return env;
  }

  /** The keyspace with the stack's replication: factor 1 on one node, 3 on a cluster. */
  private static void applySchema(ReconcilerConfig config, Map<String, String> replication) {
    try (CqlSession session = CassandraSessions.open(config.cassandra(), null, false)) {
      int applied =
          SchemaApplier.apply(
              session,
              config.cassandra().keyspace(),
              replication,
              MappingLoader.load(config.mappingFile()),
              ran -> {});
      LOG.info("schema applied: {} statements", applied);
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
      IngestStats ingest,
      Downstream downstream,
      double seconds,
      String producerMetricsUrl,
      String ingestMetricsUrl,
      String prometheusUrl) {
    MeterRegistry registry = reconciler.registry();
    long deadLettered = workloadEvents(registry, "dead_lettered");
    List<String> mismatches = new ArrayList<>(readBack.mismatches());
    if (deadLettered > 0) {
      // every event sent keeps the contract (--ingest http refuses the bad ones before Pub/Sub)
      mismatches.add(0, deadLettered + " events dead-lettered, expected none");
    }
    return new DemoSummary(
        workload.publishOrder().size(),
        workload.distinct().size(),
        workloadEvents(registry, "applied"),
        workloadEvents(registry, "duplicate"),
        workloadEvents(registry, "stale"),
        workloadEvents(registry, "failed"),
        deadLettered,
        LagPercentiles.millis(workloadTimers(registry), 0.50),
        LagPercentiles.millis(workloadTimers(registry), 0.99),
        readBack.converged() && deadLettered == 0,
        List.copyOf(mismatches),
        ingest,
        downstream.raw(),
        downstream.reconciled(),
        downstream.reconciledMissing(),
        metricsUrl(reconciler),
        producerMetricsUrl,
        ingestMetricsUrl,
        prometheusUrl,
        seconds);
  }
}
