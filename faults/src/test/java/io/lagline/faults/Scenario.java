package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.lagline.demo.ExpectedState;
import io.lagline.demo.ReadBack;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One isolated scenario on the shared stack: its own topic, subscription, dead-letter topic and
 * subscription (created before anything is published), keyspace, config and log folder; the
 * reconciler processes it starts; the workload it publishes; and the checks that turn the end state
 * into a {@link ScenarioResult}.
 */
final class Scenario implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scenario.class);
  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(4);
  static final Duration POISON_TIMEOUT = Duration.ofSeconds(60);

  /** How long publishing the workload may take, faults included. */
  static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(5);

  private final FaultStack stack;
  private final String id;
  private final String title;
  private final boolean ordered;
  private final FaultWorkload workload;
  private final ExpectedState expected;
  private final Path logDir;
  private final Path configFile;
  private final TopicName topic;
  private final TopicName reconciledTopic;
  private final DeadLetterReader deadLetters;
  private final List<ReconcilerProcess> processes = new ArrayList<>();
  private final Map<Integer, Integer> starts = new HashMap<>();
  private final AtomicInteger confirmed = new AtomicInteger();
  private long firstPublish;

  private Scenario(
      FaultStack stack,
      String id,
      String title,
      boolean ordered,
      FaultWorkload workload,
      boolean reconciledStream,
      String extraConfig,
      Duration topicRetention) {
    this.stack = stack;
    this.id = id;
    this.title = title;
    this.ordered = ordered;
    this.workload = workload;
    this.expected = workload.expected();
    this.logDir = stack.logDir(id);
    clean(logDir);
    var pubsub = stack.pubsub();
    this.reconciledTopic = reconciledStream ? pubsub.createTopic(id + "-reconciled") : null;
    this.configFile =
        ScenarioConfig.write(
            stack,
            id,
            logDir,
            reconciledTopic == null ? null : reconciledTopic.toString(),
            extraConfig);
    this.topic =
        topicRetention == null ? pubsub.createTopic(id) : pubsub.createTopic(id, topicRetention);
    TopicName deadLetterTopic = pubsub.createTopic(id + "-dlq");
    ProjectSubscriptionName dlqSubscription =
        PubSubSetup.subscription(
            pubsub, id + "-dlq-sub", deadLetterTopic, ScenarioConfig.ACK_DEADLINE, false, null, 0);
    PubSubSetup.subscription(
        pubsub,
        id + "-sub",
        topic,
        ScenarioConfig.ACK_DEADLINE,
        ordered,
        deadLetterTopic,
        ScenarioConfig.MAX_DELIVERY_ATTEMPTS);
    this.deadLetters = new DeadLetterReader(pubsub, dlqSubscription);
    SchemaApplier.apply(
        stack.reader(),
        id,
        ScenarioConfig.load(configFile).schema().replication(),
        MappingLoader.load(FaultStack.mappingFile()),
        ran -> {});
  }

  /**
   * Sets a scenario up.
   *
   * @param id lower case letters, digits and {@code _}: topic, subscription and keyspace name
   * @param title the table's scenario column
   * @param ordered subscription with message ordering, published with ordering keys
   * @param reconciledStream creates the topic {@code <id>-reconciled} and sets it as {@code
   *     pubsub.reconciled.topic}
   * @param extraConfig YAML appended to the reconciler config
   */
  static Scenario create(
      FaultStack stack,
      String id,
      String title,
      boolean ordered,
      FaultWorkload workload,
      boolean reconciledStream,
      String extraConfig) {
    return new Scenario(stack, id, title, ordered, workload, reconciledStream, extraConfig, null);
  }

  /** As above, the topic keeping its messages for {@code retention} (rebuilds replay them). */
  static Scenario retaining(
      FaultStack stack, String id, String title, FaultWorkload workload, Duration retention) {
    return new Scenario(stack, id, title, false, workload, false, "", retention);
  }

  FaultWorkload workload() {
    return workload;
  }

  /** The topic the workload is published to. */
  TopicName topic() {
    return topic;
  }

  /** The reconciled stream's topic; null when the scenario has none. */
  TopicName reconciledTopic() {
    return reconciledTopic;
  }

  /** Starts reconciler number {@code replica} again (or for the first time) and awaits ready. */
  ReconcilerProcess startReconciler(int replica) {
    return startReconciler(replica, Map.of());
  }

  /** As {@link #startReconciler(int)}, with environment overrides of the config. */
  ReconcilerProcess startReconciler(int replica, Map<String, String> env) {
    ReconcilerProcess process = launchReconciler(replica, env);
    long began = System.nanoTime();
    process.awaitReady(READY_TIMEOUT);
    LOG.info("{}: {} ready in {} ms", id, process.name(), (System.nanoTime() - began) / 1_000_000);
    return process;
  }

  /** As {@link #startReconciler(int, Map)}, with {@code launch} added to its command line. */
  ReconcilerProcess startReconciler(
      int replica, Map<String, String> env, ReconcilerProcess.Launch launch) {
    ReconcilerProcess process = launchReconciler(replica, env, launch);
    process.awaitReady(READY_TIMEOUT);
    return process;
  }

  /** Starts reconciler number {@code replica} and returns at once, ready or not. */
  ReconcilerProcess launchReconciler(int replica, Map<String, String> env) {
    return launchReconciler(replica, env, ReconcilerProcess.Launch.PLAIN);
  }

  private ReconcilerProcess launchReconciler(
      int replica, Map<String, String> env, ReconcilerProcess.Launch launch) {
    int start = starts.merge(replica, 1, Integer::sum);
    String name = "reconciler-" + replica + "-" + start;
    ReconcilerProcess process =
        ReconcilerProcess.start(name, configFile, logDir.resolve(name + ".log"), env, launch);
    processes.add(process);
    return process;
  }

  String id() {
    return id;
  }

  /** The reconciler config file every process of the scenario runs with. */
  Path configFile() {
    return configFile;
  }

  FaultStack faults() {
    return stack;
  }

  String title() {
    return title;
  }

  Path logDir() {
    return logDir;
  }

  /** Publishes the workload on another thread; completes with the number published. */
  CompletableFuture<Integer> publishAsync() {
    return publishAsync(workload.publishOrder());
  }

  /** Publishes part of the workload and waits until Pub/Sub confirmed it. */
  void publish(List<OutboundMessage> part) throws Exception {
    awaitPublished(publishAsync(part));
  }

  /** Publishes part of the workload on another thread; completes with the number published. */
  CompletableFuture<Integer> publishAsync(List<OutboundMessage> part) {
    if (firstPublish == 0) {
      firstPublish = System.nanoTime();
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return RawPublisher.publish(stack.pubsub(), topic, part, ordered, confirmed);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
          }
        });
  }

  /** Waits until {@link #publishAsync()} has published everything; returns how many. */
  static int awaitPublished(CompletableFuture<Integer> publishing) throws Exception {
    return publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Share of the expected history rows present in Cassandra: how far the stream got. */
  double progress() {
    return (double) historyRows() / expected.historyRows();
  }

  /** Rows in the scenario's history table. */
  long historyRows() {
    return stack
        .reader()
        .execute(
            SimpleStatement.newInstance("SELECT COUNT(*) FROM " + id + ".sync_history")
                .setTimeout(Duration.ofSeconds(30)))
        .one()
        .getLong(0);
  }

  /**
   * {@link #historyRows()}, asked again while it fails (a cluster's quorum read can time out while
   * a replica that just went away still looks alive), for at most a minute.
   */
  long historyRowsWhenReadable() {
    long[] rows = {-1};
    await(id + " history rows readable")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              rows[0] = historyRows();
              return true;
            });
    return rows[0];
  }

  /** Reconciler 1 started and the workload publishing, once the stream reached a share. */
  record Running(ReconcilerProcess reconciler, CompletableFuture<Integer> publishing) {}

  /**
   * Starts reconciler 1, publishes the workload and returns once {@code share} of it is in
   * Cassandra: where most scenarios inject their fault.
   */
  Running startAndAwait(double share) {
    ReconcilerProcess reconciler = startReconciler(1);
    CompletableFuture<Integer> publishing = publishAsync();
    awaitProgress(share);
    return new Running(reconciler, publishing);
  }

  /** Waits until {@link #progress()} reaches {@code share}. */
  void awaitProgress(double share) {
    await(id + " at " + Math.round(share * 100) + "%")
        .atMost(CONVERGE_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> progress() >= share);
    LOG.info("{}: progress {} ({} published)", id, String.format("%.2f", progress()), confirmed);
  }

  /**
   * Waits for convergence (the read-back matches, every poison message is on the dead-letter
   * topic), gives up after {@link #CONVERGE_TIMEOUT} and {@link #POISON_TIMEOUT}, and measures.
   */
  ScenarioResult finish(String faults) {
    ReadBack[] last = {null};
    try {
      await(id + " converged")
          .atMost(CONVERGE_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> (last[0] = ReadBack.check(stack.reader(), id, expected)).converged());
      LOG.info("{}: converged {} s after the first publish", id, secondsSinceFirstPublish());
    } catch (ConditionTimeoutException e) {
      LOG.warn("{}: not converged after {}", id, CONVERGE_TIMEOUT);
    }
    ReadBack readBack = last[0] != null ? last[0] : ReadBack.check(stack.reader(), id, expected);
    DeadLetterCount dead = DeadLetterCount.collect(deadLetters, workload, POISON_TIMEOUT);
    OutcomeLog outcomes = OutcomeLog.read(logDir);
    List<String> problems = new ArrayList<>(readBack.mismatches());
    outcomes.doubleAppliedExamples(10).forEach(e -> problems.add("double-applied: " + e));
    problems.addAll(dead.problems());
    return new ScenarioResult(
        title,
        workload.events(),
        workload.publishes(),
        faults,
        readBack.mismatchCount(),
        outcomes.doubleApplied(),
        dead.good(),
        dead.poisonWithReason(),
        workload.poison().size(),
        problems,
        Duration.ofSeconds(secondsSinceFirstPublish()),
        outcomes.ambiguity(),
        stack.cluster());
  }

  private long secondsSinceFirstPublish() {
    return Duration.ofNanos(System.nanoTime() - firstPublish).toSeconds();
  }

  /** Kills every reconciler still running and closes the dead-letter reader. */
  @Override
  public void close() {
    processes.forEach(ReconcilerProcess::close);
    deadLetters.close();
  }

  private static void clean(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      // deepest first: a rebuild's logs are in a folder of their own
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!file.equals(dir)) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }
}
