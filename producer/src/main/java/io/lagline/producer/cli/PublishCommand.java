package io.lagline.producer.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.cli.UsageException;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.ConfigReader;
import io.lagline.contract.ContractException;
import io.lagline.contract.Contracts;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublisherKey;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import io.lagline.producer.publish.PublisherSettingsBuilder;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.SettingNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code producer publish}: publishes the valid events of a JSON-lines file or stdin. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    defaultValueProvider = SettingsDefaults.class,
    sortOptions = false,
    description = {
      "Publishes one JSON event per line (stdin by default) to a Pub/Sub topic.",
      "Each line: {\"event_type\", \"schema_version\", \"entity_key\", \"entity_version\", \"payload\": {...},"
          + " \"event_id\"?, \"occurred_at\"?}.",
      "While it runs it also publishes a lagline.heartbeat event every --heartbeat-interval.",
      "Bad lines are reported on stderr with their number and every violation; the summary goes to stdout.",
      "Settings: a flag wins over --config FILE (publisher.* keys), which LAGLINE_PUBLISHER_*"
          + " environment variables override.",
      "Exit codes: 0 all published, 1 some lines rejected or publishes failed, 2 usage or settings error,"
          + " 3 Pub/Sub unusable (unreachable, topic not found, no access), 4 unexpected error."
    })
final class PublishCommand implements Callable<Integer> {
  private final InputStream stdin;
  private final Map<String, String> env;

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "projects/P/topics/T",
      converter = Converters.Topic.class,
      description = "The topic, e.g. projects/demo-project/topics/lagline-events.")
  private TopicPath topic;

  @Option(
      names = "--emulator",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:PUBSUB_EMULATOR_HOST}",
      description =
          "The Pub/Sub emulator to use instead of the real service (default: $PUBSUB_EMULATOR_HOST).")
  private String emulator;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "The JSON-lines file to read (default: stdin).")
  private Path file;

  @Option(
      names = "--credentials-file",
      paramLabel = "PATH",
      description =
          "A service-account JSON key or an external_account credential configuration (Workload"
              + " Identity Federation) (default: Application Default Credentials).")
  private Path credentialsFile;

  @Option(
      names = "--contracts",
      paramLabel = "DIR|bundled|none",
      defaultValue = CONTRACTS_NONE,
      description =
          "Check each payload against its JSON Schema before publishing: a contracts directory"
              + " (<event type>/<schema version>.json), 'bundled' for the copy in this build, or"
              + " 'none' (${DEFAULT-VALUE}). A payload that breaks its schema is not published.")
  private String contracts;

  @Option(
      names = "--ordering",
      description = "Use the entity key as ordering key (default: ${DEFAULT-VALUE}).")
  private boolean ordering;

  @Option(
      names = "--batch-max-messages",
      paramLabel = "N",
      description = "Messages per batch (${DEFAULT-VALUE}).")
  private long batchMaxMessages;

  @Option(
      names = "--batch-max-bytes",
      paramLabel = "BYTES",
      description = "Bytes per batch (${DEFAULT-VALUE}).")
  private long batchMaxBytes;

  @Option(
      names = "--batch-delay",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Longest wait for a batch to fill (${DEFAULT-VALUE}).")
  private Duration batchDelay;

  @Option(
      names = "--flow-control-max-outstanding-messages",
      paramLabel = "N",
      description = "Unconfirmed messages at most (${DEFAULT-VALUE}).")
  private long maxOutstandingMessages;

  @Option(
      names = "--flow-control-max-outstanding-bytes",
      paramLabel = "BYTES",
      description = "Unconfirmed bytes at most (${DEFAULT-VALUE}).")
  private long maxOutstandingBytes;

  @Option(
      names = "--flow-control-limit-exceeded",
      paramLabel = "block|fail",
      description = "At a flow-control limit, block or fail the publish (${DEFAULT-VALUE}).")
  private LimitExceeded limitExceeded;

  @Option(
      names = "--publish-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Longest one publish may take, retries included (${DEFAULT-VALUE}).")
  private Duration publishTimeout;

  @Option(
      names = "--retry-initial-delay",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Wait before the first retry (${DEFAULT-VALUE}).")
  private Duration retryInitialDelay;

  @Option(
      names = "--retry-max-delay",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Longest wait between retries (${DEFAULT-VALUE}).")
  private Duration retryMaxDelay;

  @Option(
      names = "--retry-rpc-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Longest one publish RPC attempt may take (${DEFAULT-VALUE}).")
  private Duration rpcTimeout;

  @Option(
      names = "--shutdown-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationText.class,
      description = "Longest wait for confirmations at the end (${DEFAULT-VALUE}).")
  private Duration shutdownTimeout;

  @Option(
      names = "--heartbeat-interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = Converters.DurationText.class,
      description =
          "Publish a heartbeat event this often while running, at start included; 0s turns"
              + " heartbeats off (${DEFAULT-VALUE}).")
  private Duration heartbeatInterval;

  @Option(
      names = "--producer-id",
      paramLabel = "ID",
      description =
          "The producer id heartbeats carry as entity key (default: host name and a random"
              + " suffix).")
  private String producerId;

  /** {@code --contracts} value: the copy of the repository's {@code contracts/} in this build. */
  static final String CONTRACTS_BUNDLED = "bundled";

  /** {@code --contracts} value and default: payloads are not checked against schemas. */
  static final String CONTRACTS_NONE = "none";

  /** The flags that select where and as whom to publish, for messages about the connection. */
  static final SettingNames SETTING_NAMES = new SettingNames("--emulator", "--credentials-file");

  PublishCommand(InputStream stdin, Map<String, String> env) {
    this.stdin = stdin;
    this.env = env;
  }

  @Override
  public Integer call() {
    PublisherSettings settings = settings();
    checkHeartbeatOptions();
    Optional<Contracts> schemas = contracts();
    PublishMetrics metrics = new PublishMetrics();
    try (BufferedReader in = open();
        PubSubConnection connection = connect();
        EventPublisher publisher =
            PubSubEventPublisher.create(topic, connection, settings, metrics, schemas);
        Heartbeats heartbeats =
            Heartbeats.start(
                publisher,
                producerId == null ? Heartbeats.defaultProducerId() : producerId,
                heartbeatInterval,
                metrics)) {
      PublishSummary summary = new LinePublisher(publisher, spec.commandLine().getErr()).run(in);
      spec.commandLine().getOut().println(summary.line());
      spec.commandLine().getOut().flush();
      return summary.exitCode();
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read the input: " + e.getMessage());
    }
  }

  /**
   * The settings: each key's value from {@code --config} and the environment, or its default,
   * unless its flag was given.
   *
   * @throws ConfigException naming each bad key of the file or the environment (exit 2)
   * @throws UsageException naming each bad flag (exit 2)
   */
  PublisherSettings settings() {
    ConfigReader reader = ConfigReader.load(common.config(), env, PublisherKey.ENV_PREFIX);
    PublisherSettingsBuilder builder = PublisherSettings.from(reader).toBuilder();
    reader.finish();
    for (PublisherKey key : PublisherKey.values()) {
      if (spec.commandLine().getParseResult().hasMatchedOption(key.flag())) {
        set(builder, key);
      }
    }
    try {
      return builder.build();
    } catch (ConfigException e) {
      throw new UsageException(
          "invalid publisher settings:"
              + e.problems().stream().map(p -> "\n  " + describe(p)).collect(Collectors.joining()));
    }
  }

  private void set(PublisherSettingsBuilder builder, PublisherKey key) {
    switch (key) {
      case BATCH_MAX_MESSAGES -> builder.batchMaxMessages(batchMaxMessages);
      case BATCH_MAX_BYTES -> builder.batchMaxBytes(batchMaxBytes);
      case BATCH_DELAY -> builder.batchDelay(batchDelay);
      case FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES ->
          builder.maxOutstandingMessages(maxOutstandingMessages);
      case FLOW_CONTROL_MAX_OUTSTANDING_BYTES -> builder.maxOutstandingBytes(maxOutstandingBytes);
      case FLOW_CONTROL_LIMIT_EXCEEDED -> builder.limitExceeded(limitExceeded);
      case ORDERING -> builder.ordering(ordering);
      case PUBLISH_TIMEOUT -> builder.publishTimeout(publishTimeout);
      case RETRY_INITIAL_DELAY -> builder.retryInitialDelay(retryInitialDelay);
      case RETRY_MAX_DELAY -> builder.retryMaxDelay(retryMaxDelay);
      case RETRY_RPC_TIMEOUT -> builder.rpcTimeout(rpcTimeout);
      case SHUTDOWN_TIMEOUT -> builder.shutdownTimeout(shutdownTimeout);
    }
  }

  /**
   * The payload schemas {@code --contracts} names; empty for {@code none}.
   *
   * @throws UsageException naming each bad schema file (exit 2)
   */
  Optional<Contracts> contracts() {
    try {
      return switch (contracts) {
        case CONTRACTS_NONE -> Optional.empty();
        case CONTRACTS_BUNDLED -> Optional.of(Contracts.bundled());
        default -> Optional.of(Contracts.load(Path.of(contracts)));
      };
    } catch (ContractException e) {
      throw new UsageException("--contracts " + contracts + ": " + e.getMessage());
    }
  }

  private void checkHeartbeatOptions() {
    if (heartbeatInterval.isNegative()
        || (!heartbeatInterval.isZero()
            && heartbeatInterval.compareTo(Heartbeats.MIN_INTERVAL) < 0)) {
      throw new UsageException(
          "--heartbeat-interval = "
              + heartbeatInterval.toMillis()
              + "ms: must be 0s (off) or at least "
              + Heartbeats.MIN_INTERVAL.toMillis()
              + "ms");
    }
    if (producerId != null && (producerId.isBlank() || producerId.length() > 256)) {
      throw new UsageException(
          "--producer-id = '" + producerId + "': must be non-blank, at most 256 characters");
    }
  }

  /** A settings problem in terms of flags: {@code --batch-max-messages = 5000: must be ...}. */
  private static String describe(ConfigProblem problem) {
    String rule = problem.rule();
    String key = problem.key();
    for (PublisherKey k : PublisherKey.values()) {
      String full = k.path(PublisherSettings.DEFAULT_PREFIX);
      rule = rule.replace(full, k.flag());
      key = key.equals(full) ? k.flag() : key;
    }
    return key + " = " + problem.value() + ": " + rule;
  }

  private BufferedReader open() {
    if (file == null || file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException("cannot read --file " + file + ": it is not a readable file");
    }
    try {
      return new BufferedReader(
          new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("cannot read --file " + file + ": " + e.getMessage());
    }
  }

  private PubSubConnection connect() {
    try {
      return PubSubConnection.create(emulator, credentialsFile, List.of(), SETTING_NAMES);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--emulator: " + e.getMessage());
    }
  }
}
