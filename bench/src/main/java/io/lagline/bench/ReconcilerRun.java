package io.lagline.bench;

import io.lagline.bench.profile.Profiler;
import io.lagline.metrics.PrometheusText;
import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.process.JavaClasspath;
import io.lagline.testkit.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reconciler as deployed, {@code reconciler run --config FILE} in its own JVM, with a config
 * holding only what a scenario must set (endpoints, subscription, keyspace, the stream count) so
 * its own defaults are what is measured. With notifications on, {@code pubsub.reconciled.topic} is
 * {@code <topic>-reconciled} (see {@link Backlog}).
 */
final class ReconcilerRun implements AutoCloseable {
  /** The reconciler's heap where a scenario does not set one. */
  static final String DEFAULT_HEAP = "-Xmx512m";

  /** The system property holding {@link #extraJvmOptions()}. */
  static final String JVM_OPTIONS_PROPERTY = "lagline.bench.reconciler-jvm-options";

  /** The families polled while a scenario runs: progress, both lags, version-cache answers. */
  static final List<String> PROGRESS_FAMILIES =
      List.of(
          "lagline_reconciler_events_total",
          "lagline_reconciler_consistency_lag_seconds",
          "lagline_reconciler_visible_lag_seconds",
          "lagline_reconciler_version_cache_answers_total");

  private static final String PROGRESS_PATH =
      "/metrics?"
          + String.join("&", PROGRESS_FAMILIES.stream().map(name -> "name%5B%5D=" + name).toList());

  private final JavaProcess process;
  private final int adminPort;
  private final Profiler profiler;

  private ReconcilerRun(JavaProcess process, int adminPort, Profiler profiler) {
    this.process = process;
    this.adminPort = adminPort;
    this.profiler = profiler;
  }

  /**
   * Writes {@code <dir>/<name>.yaml} ({@link #writeConfig}), starts the reconciler and waits until
   * it is ready.
   *
   * @param emulatorHost where it reaches Pub/Sub (the emulator or a proxy in front of it)
   * @param cassandra where it reaches Cassandra ({@code host:port}, maybe a proxy)
   * @param notifications publish the reconciled stream to {@code <topicId>-reconciled}
   */
  static ReconcilerRun start(
      String name,
      Path dir,
      BenchStack stack,
      String subscriptionId,
      String topicId,
      String emulatorHost,
      String cassandra,
      String keyspace,
      String heap,
      boolean notifications) {
    int port = freePort();
    Path config =
        writeConfig(
            name,
            dir,
            stack,
            subscriptionId,
            topicId,
            emulatorHost,
            cassandra,
            keyspace,
            notifications,
            port);
    JavaProcess process =
        JavaProcess.start(
            name,
            jvmOptions(name, heap, stack),
            JavaClasspath.of(ReconcilerMain.class),
            ReconcilerMain.class.getName(),
            List.of("run", "--config", config.toString()),
            Map.of(),
            dir.resolve(name + ".log"));
    ReconcilerRun run = new ReconcilerRun(process, port, stack.profiler());
    try {
      process.await("ready", Duration.ofMinutes(2), () -> run.readyStatus() == 200);
    } catch (RuntimeException e) {
      process.close();
      throw new BenchException(name + " did not start: " + e.getMessage(), e);
    }
    return run;
  }

  /**
   * Writes {@code <dir>/<name>.yaml}: the endpoints, the subscription and its topic (with its
   * dead-letter topic), the keyspace, the mapping, the stream count and the admin port; every other
   * key at its default.
   */
  static Path writeConfig(
      String name,
      Path dir,
      BenchStack stack,
      String subscriptionId,
      String topicId,
      String emulatorHost,
      String cassandra,
      String keyspace,
      boolean notifications,
      int adminPort) {
    String yaml =
        String.format(
            """
            pubsub:
              subscription: %s
              topic: %s
              dead-letter:
                topic: %s
              emulator-host: %s
              parallel-pull-count: %d
            %s
            cassandra:
              contact-points: [%s]
              local-datacenter: %s
              keyspace: %s
            mapping:
              file: %s
            admin:
              host: 127.0.0.1
              port: %d
            """,
            BenchStack.subscription(subscriptionId),
            BenchStack.topic(topicId),
            BenchStack.topic(topicId + "-dlq"),
            emulatorHost,
            Bench.STREAMS,
            notifications ? "  reconciled:\n    topic: " + reconciledTopic(topicId) : "",
            cassandra,
            stack.datacenter(),
            keyspace,
            stack.mappingFile(),
            adminPort);
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config of " + name, e);
    }
  }

  /**
   * The JVM options of a reconciler process called {@code name}: {@code heap}, exit on
   * OutOfMemoryError, {@link #extraJvmOptions()} and the profiler's agent when profiling.
   */
  static List<String> jvmOptions(String name, String heap, BenchStack stack) {
    return Stream.concat(
            Stream.concat(Stream.of(heap, "-XX:+ExitOnOutOfMemoryError"), extraJvmOptions()),
            stack.profiler().jvmOptions(name).stream())
        .toList();
  }

  /**
   * Further JVM options for every reconciler the bench starts, space-separated, from the system
   * property {@value #JVM_OPTIONS_PROPERTY} (e.g. {@code
   * JAVA_OPTS=-Dlagline.bench.reconciler-jvm-options=-XX:+UseSerialGC bin/bench}): to compare JVM
   * settings on the same scenarios.
   */
  static Stream<String> extraJvmOptions() {
    return Arrays.stream(System.getProperty(JVM_OPTIONS_PROPERTY, "").split(" "))
        .filter(option -> !option.isBlank());
  }

  /** The full name of the reconciled topic of {@code topicId}. */
  static String reconciledTopic(String topicId) {
    return BenchStack.topic(Backlog.reconciledTopicId(topicId));
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return process.logFile();
  }

  int readyStatus() {
    return process.httpGet(adminPort, "/health/ready").status();
  }

  /**
   * Where the families the bench follows during a scenario are served: the reconciler's {@code
   * /metrics} with {@code name[]} parameters, a small part of the whole page. Polled ten times a
   * second, the whole page (JVM, driver and every histogram) cost the reconciler about 6% of its
   * CPU and a sixth of its allocations in a profiled drain: the bench's own weight, not the
   * reconciler's.
   */
  java.net.URI metricsUri() {
    return java.net.URI.create("http://127.0.0.1:" + adminPort + PROGRESS_PATH);
  }

  /** The whole Prometheus text of {@code /metrics}; empty when it does not answer. */
  String metrics() {
    return process.httpGet(adminPort, "/metrics").body();
  }

  /** The followed families only ({@link #metricsUri()}); empty when it does not answer. */
  String progressMetrics() {
    return process.httpGet(adminPort, PROGRESS_PATH).body();
  }

  /** Events handled (acked) so far, whatever their outcome. */
  long handled() {
    String text = progressMetrics();
    return text.isEmpty()
        ? -1
        : Math.round(PrometheusText.parse(text).sum("lagline_reconciler_events_total"));
  }

  /** True when its log mentions an OutOfMemoryError. */
  boolean loggedOutOfMemory() {
    try {
      return Files.readString(process.logFile()).contains("OutOfMemoryError");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * SIGTERM and wait for the drain-and-exit; kills it when that takes too long. Then its profile,
   * when profiling, is converted (the agent writes it as the JVM exits).
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.terminate(Duration.ofSeconds(40));
      } catch (RuntimeException e) {
        process.close();
      }
    }
    profiler.finish(process.name());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
