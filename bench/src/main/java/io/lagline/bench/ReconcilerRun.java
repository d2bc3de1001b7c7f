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

  private final JavaProcess process;
  private final int adminPort;
  private final Profiler profiler;

  private ReconcilerRun(JavaProcess process, int adminPort, Profiler profiler) {
    this.process = process;
    this.adminPort = adminPort;
    this.profiler = profiler;
  }

  /**
   * Writes {@code <dir>/reconciler.yaml}, starts the reconciler and waits until it is ready.
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
            port);
    try {
      Files.createDirectories(dir);
      Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml);
      JavaProcess process =
          JavaProcess.start(
              name,
              Stream.concat(
                      Stream.of(heap, "-XX:+ExitOnOutOfMemoryError"),
                      stack.profiler().jvmOptions(name).stream())
                  .toList(),
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config of " + name, e);
    }
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

  /** Where its Prometheus text is served. */
  java.net.URI metricsUri() {
    return java.net.URI.create("http://127.0.0.1:" + adminPort + "/metrics");
  }

  /** The Prometheus text of {@code /metrics}; empty when it does not answer. */
  String metrics() {
    return process.httpGet(adminPort, "/metrics").body();
  }

  /** Events handled (acked) so far, whatever their outcome. */
  long handled() {
    String text = metrics();
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
