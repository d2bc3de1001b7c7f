package io.lagline.reconciler.config;

import static io.lagline.reconciler.config.ReconcilerKey.ADMIN_HOST;
import static io.lagline.reconciler.config.ReconcilerKey.ADMIN_PORT;
import static io.lagline.reconciler.config.ReconcilerKey.CONTRACTS_DIR;
import static io.lagline.reconciler.config.ReconcilerKey.MAPPING_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.OUTAGE_FAILURE_RATE_PERCENT;
import static io.lagline.reconciler.config.ReconcilerKey.OUTAGE_MIN_WRITES;
import static io.lagline.reconciler.config.ReconcilerKey.OUTAGE_PROBE_INTERVAL;
import static io.lagline.reconciler.config.ReconcilerKey.OUTAGE_WINDOW;
import static io.lagline.reconciler.config.ReconcilerKey.RETRY_INITIAL_BACKOFF;
import static io.lagline.reconciler.config.ReconcilerKey.RETRY_MAX_ATTEMPTS;
import static io.lagline.reconciler.config.ReconcilerKey.RETRY_MAX_BACKOFF;
import static io.lagline.reconciler.config.ReconcilerKey.SCHEMA_REPLICATION;
import static io.lagline.reconciler.config.ReconcilerKey.SHUTDOWN_DRAIN_TIMEOUT;

import io.lagline.config.ConfigReader;
import io.lagline.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link ReconcilerConfig} from a YAML file overlaid with {@code LAGLINE_*} environment
 * variables and validates all of it at once. The keys are declared in {@link ReconcilerKey}.
 */
public final class ConfigLoader {
  /** Prefix of the environment variables that override keys. */
  public static final String ENV_PREFIX = "LAGLINE_";

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

  /** Every path the loader reads: each {@link ReconcilerKey}'s, as its test checks. */
  public static Set<String> keys() {
    ConfigReader reader = ConfigReader.of(null, Map.of(), ENV_PREFIX);
    read(reader, null, Map.of());
    return reader.keysRead();
  }

  private static ReconcilerConfig read(ConfigReader reader, Path file, Map<String, String> env) {
    PubSubConfig pubsub = PubSubReader.pubsub(reader, env);
    DeadLetterConfig deadLetter = PubSubReader.deadLetter(reader, pubsub);
    CassandraConfig cassandra = CassandraReader.cassandra(reader);
    RetryConfig retry =
        new RetryConfig(
            reader.integer(RETRY_MAX_ATTEMPTS),
            reader.duration(RETRY_INITIAL_BACKOFF),
            reader.duration(RETRY_MAX_BACKOFF));
    if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
      reader.problem(
          RETRY_MAX_BACKOFF,
          Durations.format(retry.maxBackoff()),
          "must not be shorter than " + RETRY_INITIAL_BACKOFF.path());
    }
    return new ReconcilerConfig(
        pubsub,
        PubSubReader.intakeHealth(reader),
        cassandra,
        mappingFile(reader, file),
        contracts(reader, file),
        new AdminConfig(reader.string(ADMIN_HOST), reader.integer(ADMIN_PORT)),
        retry,
        new SchemaConfig(reader.map(SCHEMA_REPLICATION, replication(cassandra))),
        deadLetter,
        PubSubReader.reconciled(reader, pubsub, deadLetter),
        new OutageConfig(
            reader.integer(OUTAGE_FAILURE_RATE_PERCENT),
            reader.integer(OUTAGE_MIN_WRITES),
            reader.duration(OUTAGE_WINDOW),
            reader.duration(OUTAGE_PROBE_INTERVAL)),
        AuditReader.watermark(reader),
        AuditReader.audit(reader, pubsub, deadLetter),
        new ShutdownConfig(reader.duration(SHUTDOWN_DRAIN_TIMEOUT)));
  }

  /** {@code mapping.file}, a relative path read from the config file's folder. */
  private static Path mappingFile(ConfigReader reader, Path file) {
    Path mapping = reader.path(MAPPING_FILE);
    if (mapping == null) {
      return null;
    }
    if (file != null && !mapping.isAbsolute()) {
      mapping = file.toAbsolutePath().getParent().resolve(mapping).normalize();
    }
    if (!Files.isRegularFile(mapping)) {
      reader.problem(
          MAPPING_FILE,
          mapping.toString(),
          "must name an existing file (relative paths are read from the config file's folder)");
    }
    return mapping;
  }

  /** {@code contracts.dir}: {@code bundled}, or a directory read relative to the config file's. */
  private static String contracts(ConfigReader reader, Path file) {
    String value = reader.string(CONTRACTS_DIR);
    if (value == null || value.equals(ReconcilerConfig.BUNDLED_CONTRACTS)) {
      return value;
    }
    Path dir = Path.of(value);
    if (file != null && !dir.isAbsolute()) {
      dir = file.toAbsolutePath().getParent().resolve(dir).normalize();
    }
    if (!Files.isDirectory(dir)) {
      reader.problem(
          CONTRACTS_DIR,
          dir.toString(),
          "must be `bundled` or name an existing directory (relative paths are read from the config"
              + " file's folder)");
    }
    return dir.toString();
  }

  /** The default of {@code schema.replication}: three replicas in the local datacenter. */
  private static Map<String, String> replication(CassandraConfig cassandra) {
    return cassandra.localDatacenter() == null
        ? Map.of("class", "SimpleStrategy", "replication_factor", "1")
        : Map.of("class", "NetworkTopologyStrategy", cassandra.localDatacenter(), "3");
  }
}
