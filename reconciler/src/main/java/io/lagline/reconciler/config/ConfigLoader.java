package io.lagline.reconciler.config;

import io.lagline.config.ConfigReader;
import io.lagline.config.Secret;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@link ReconcilerConfig} from a YAML file overlaid with {@code LAGLINE_*} environment
 * variables and validates all of it at once. Every key is listed in the README's configuration
 * reference.
 */
public final class ConfigLoader {
  /** Prefix of the environment variables that override keys. */
  public static final String ENV_PREFIX = "LAGLINE_";

  private static final Pattern HOST_PORT = PubSubKeys.HOST_PORT;
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param file the YAML file, or null to configure from the environment alone
   * @param env the process environment (or a test's map)
   * @throws io.lagline.config.ConfigException naming every problem
   */
  public static ReconcilerConfig load(Path file, Map<String, String> env) {
    ConfigReader reader = ConfigReader.load(file, env, ENV_PREFIX);
    ReconcilerConfig config = read(reader, file, env);
    reader.finish();
    return config;
  }

  /** Every key the reconciler's configuration has, for the reference documentation and its test. */
  public static java.util.Set<String> keys() {
    ConfigReader reader = ConfigReader.of(null, Map.of(), ENV_PREFIX);
    read(reader, null, Map.of());
    return reader.keysRead();
  }

  private static ReconcilerConfig read(ConfigReader reader, Path file, Map<String, String> env) {
    PubSubConfig pubsub = PubSubKeys.pubsub(reader, env);
    DeadLetterConfig deadLetter = PubSubKeys.deadLetter(reader, pubsub);
    CassandraConfig cassandra = cassandra(reader);
    Path mapping = reader.path("mapping.file", null, false);
    if (mapping == null) {
      reader.problem(
          "mapping.file", null, "is required: the YAML mapping of event types to tables");
    } else {
      if (file != null && !mapping.isAbsolute()) {
        mapping = file.toAbsolutePath().getParent().resolve(mapping).normalize();
      }
      if (!java.nio.file.Files.isRegularFile(mapping)) {
        reader.problem(
            "mapping.file",
            mapping.toString(),
            "must name an existing file (relative paths are read from the config file's folder)");
      }
    }
    AdminConfig admin =
        new AdminConfig(
            reader.string("admin.host", AdminConfig.DEFAULT_HOST),
            reader.integer("admin.port", AdminConfig.DEFAULT_PORT, 0, 65535));
    RetryConfig retry =
        new RetryConfig(
            reader.integer("retry.max-attempts", RetryConfig.DEFAULT_MAX_ATTEMPTS, 1, 100),
            reader.duration(
                "retry.initial-backoff",
                RetryConfig.DEFAULT_INITIAL_BACKOFF,
                Duration.ofMillis(1),
                Duration.ofMinutes(1)),
            reader.duration(
                "retry.max-backoff",
                RetryConfig.DEFAULT_MAX_BACKOFF,
                Duration.ofMillis(1),
                MAX_TIMEOUT));
    if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
      reader.problem(
          "retry.max-backoff",
          retry.maxBackoff().toString(),
          "must not be shorter than retry.initial-backoff");
    }
    SchemaConfig schema =
        new SchemaConfig(
            reader.map(
                "schema.replication",
                cassandra.localDatacenter() == null
                    ? Map.of("class", "SimpleStrategy", "replication_factor", "1")
                    : Map.of(
                        "class", "NetworkTopologyStrategy", cassandra.localDatacenter(), "3")));
    return new ReconcilerConfig(
        pubsub,
        PubSubKeys.intakeHealth(reader),
        cassandra,
        mapping,
        admin,
        retry,
        schema,
        deadLetter,
        outage(reader),
        AuditKeys.watermark(reader),
        AuditKeys.audit(reader, pubsub, deadLetter, PubSubKeys.SUBSCRIPTION),
        new ShutdownConfig(
            reader.duration(
                "shutdown.drain-timeout",
                ShutdownConfig.DEFAULT_DRAIN_TIMEOUT,
                Duration.ZERO,
                MAX_TIMEOUT)));
  }

  private static OutageConfig outage(ConfigReader reader) {
    return new OutageConfig(
        reader.integer(
            "outage.failure-rate-percent", OutageConfig.DEFAULT_FAILURE_RATE_PERCENT, 1, 100),
        reader.integer("outage.min-writes", OutageConfig.DEFAULT_MIN_WRITES, 1, 100_000),
        reader.duration(
            "outage.window", OutageConfig.DEFAULT_WINDOW, Duration.ofSeconds(1), MAX_TIMEOUT),
        reader.duration(
            "outage.probe-interval",
            OutageConfig.DEFAULT_PROBE_INTERVAL,
            Duration.ofMillis(100),
            MAX_TIMEOUT));
  }

  private static CassandraConfig cassandra(ConfigReader reader) {
    List<String> points = reader.list("cassandra.contact-points", List.of());
    List<InetSocketAddress> contactPoints = new ArrayList<>();
    if (points.isEmpty()) {
      reader.problem(
          "cassandra.contact-points",
          null,
          "is required: one or more host:port of the local datacenter");
    }
    for (String point : points) {
      if (!HOST_PORT.matcher(point).matches()) {
        reader.problem(
            "cassandra.contact-points", point, "each must be host:port, e.g. 10.0.0.5:9042");
        continue;
      }
      int colon = point.lastIndexOf(':');
      int port = Integer.parseInt(point.substring(colon + 1));
      if (port < 1 || port > 65535) {
        reader.problem("cassandra.contact-points", point, "port must be from 1 to 65535");
        continue;
      }
      String host = point.substring(0, colon).replace("[", "").replace("]", "");
      contactPoints.add(InetSocketAddress.createUnresolved(host, port));
    }
    String dc = reader.requiredString("cassandra.local-datacenter");
    String keyspace = reader.requiredString("cassandra.keyspace");
    if (keyspace != null && !IDENTIFIER.matcher(keyspace).matches()) {
      reader.problem(
          "cassandra.keyspace",
          keyspace,
          "must be a lower-case CQL identifier: [a-z][a-z0-9_]{0,47}");
    }
    String username = reader.string("cassandra.username", null);
    Secret password = reader.secret("cassandra.password");
    if ((username == null) != (password == null)) {
      reader.problem(
          "cassandra.username",
          username,
          "cassandra.username and cassandra.password (or cassandra.password-file) go together");
    }
    CassandraConfig.Consistency consistency =
        reader.enumValue(
            "cassandra.consistency",
            CassandraConfig.Consistency.class,
            CassandraConfig.DEFAULT_CONSISTENCY);
    if (consistency.isSerial()) {
      reader.problem(
          "cassandra.consistency",
          consistency.name(),
          "must not be a serial level; set cassandra.serial-consistency for that");
    }
    CassandraConfig.Consistency serial =
        reader.enumValue(
            "cassandra.serial-consistency",
            CassandraConfig.Consistency.class,
            CassandraConfig.DEFAULT_SERIAL_CONSISTENCY);
    if (!serial.isSerial()) {
      reader.problem(
          "cassandra.serial-consistency", serial.name(), "must be serial or local-serial");
    }
    return new CassandraConfig(
        List.copyOf(contactPoints),
        dc,
        keyspace,
        username,
        password,
        consistency,
        serial,
        reader.duration(
            "cassandra.request-timeout",
            CassandraConfig.DEFAULT_REQUEST_TIMEOUT,
            Duration.ofMillis(100),
            MAX_TIMEOUT),
        writeConcurrency(reader),
        reader.bool("cassandra.coalesce-superseded", true));
  }

  private static WriteConcurrency writeConcurrency(ConfigReader reader) {
    WriteConcurrency.Mode mode =
        reader.enumValue(
            "cassandra.write-concurrency",
            WriteConcurrency.Mode.class,
            WriteConcurrency.DEFAULT_MODE);
    int max =
        reader.integer("cassandra.max-concurrent-writes", WriteConcurrency.DEFAULT_MAX, 1, 100_000);
    int min =
        reader.integer("cassandra.min-concurrent-writes", WriteConcurrency.DEFAULT_MIN, 1, 100_000);
    if (min > max) {
      reader.problem(
          "cassandra.min-concurrent-writes",
          Integer.toString(min),
          "must not exceed cassandra.max-concurrent-writes (" + max + ")");
      min = max;
    }
    return new WriteConcurrency(mode, min, max);
  }
}
