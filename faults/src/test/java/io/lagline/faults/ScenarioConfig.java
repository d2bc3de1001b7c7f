package io.lagline.faults;

import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reconciler config file of one scenario: its subscription, dead-letter topic and keyspace on
 * the shared stack, the repository's mapping, and otherwise the defaults a deployment would run
 * with (retries, outage pause, drain timeout). Checked with the reconciler's own loader when
 * written, so a mistake fails here rather than in a child process.
 */
final class ScenarioConfig {
  /** The subscription's ack deadline: short, so what a killed process held is redelivered soon. */
  static final Duration ACK_DEADLINE = Duration.ofSeconds(10);

  /** The subscription's last-resort dead-letter policy, as {@code provision} sets it. */
  static final int MAX_DELIVERY_ATTEMPTS = 20;

  private ScenarioConfig() {}

  /**
   * Writes {@code <dir>/reconciler.yaml}.
   *
   * @param id names the topic, the subscriptions and the keyspace
   * @param reconciledTopic {@code pubsub.reconciled.topic} (a full name), or null for no reconciled
   *     stream
   * @param extra YAML appended as is (top-level keys)
   */
  static Path write(FaultStack stack, String id, Path dir, String reconciledTopic, String extra) {
    String project = stack.stack().projectId();
    String yaml =
        String.format(
            """
            pubsub:
              subscription: projects/%1$s/subscriptions/%2$s-sub
              topic: projects/%1$s/topics/%2$s
              dead-letter:
                topic: projects/%1$s/topics/%2$s-dlq
                subscription: projects/%1$s/subscriptions/%2$s-dlq-sub
                max-delivery-attempts: %3$d
              ack-deadline: %4$ds
              emulator-host: %5$s
            %10$s
            cassandra:
              contact-points: [%6$s]
              local-datacenter: %7$s
              keyspace: %2$s
            mapping:
              file: %8$s
            admin:
              host: 127.0.0.1
              port: 0
            schema:
              replication: { %11$s }
            %9$s
            """,
            project,
            id,
            MAX_DELIVERY_ATTEMPTS,
            ACK_DEADLINE.toSeconds(),
            stack.stack().pubsubEmulatorHost(),
            stack.stack().cassandraContactPointsString(),
            stack.stack().localDatacenter(),
            FaultStack.mappingFile(),
            extra,
            reconciledTopic == null ? "" : "  reconciled:\n    topic: " + reconciledTopic,
            replication(stack.stack().replication()));
    try {
      Files.createDirectories(dir);
      Path file = Files.writeString(dir.resolve("reconciler.yaml"), yaml);
      load(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config of " + id, e);
    }
  }

  /** {@code class: SimpleStrategy, replication_factor: 1}: the stack's replication as YAML. */
  static String replication(Map<String, String> replication) {
    return replication.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Loads the file as the reconciler would, without environment overrides. */
  static ReconcilerConfig load(Path file) {
    return ConfigLoader.load(file, Map.of());
  }
}
