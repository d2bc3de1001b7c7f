package io.lagline.producer.http;

import static io.lagline.producer.http.ServeKey.*;

import io.lagline.config.ConfigKey;
import io.lagline.config.ConfigReader;
import io.lagline.config.Secret;
import io.lagline.producer.auth.AuthMode;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PublisherKey;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import io.lagline.producer.publish.TopicPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ingest service's configuration ({@code producer serve}): one immutable tree, read once by
 * {@link #from(ConfigReader, Map)}, every key declared in {@link ServeKey}. The publisher always
 * fails a publish at a flow-control limit (the caller gets 429) rather than blocking a request
 * thread: {@code publisher.flow-control.limit-exceeded} may only be {@code fail} (or unset) here.
 *
 * @param token the bearer token with {@link AuthMode#TOKEN}, else null; masked in {@code
 *     toString()}
 * @param audience the ID-token audience with {@link AuthMode#OIDC}, else null
 * @param emulatorHost null for Google Cloud
 * @param credentialsFile null for Application Default Credentials
 */
public record ServeConfig(
    String host,
    int port,
    TopicPath topic,
    String emulatorHost,
    Path credentialsFile,
    long maxBodyBytes,
    int maxBatchSize,
    Duration idempotencyTtl,
    int idempotencyCapacity,
    AuthMode authMode,
    Secret token,
    String audience,
    String contracts,
    Duration shutdownTimeout,
    Duration heartbeatInterval,
    PublisherSettings publisher) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** The largest {@code serve.max-body-bytes}: 64 MiB. */
  public static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;

  public static final int DEFAULT_MAX_BATCH_SIZE = 500;

  /** The largest {@code serve.max-batch-size}. */
  public static final int MAX_BATCH_SIZE_LIMIT = 10_000;

  public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);
  public static final int DEFAULT_IDEMPOTENCY_CAPACITY = 100_000;

  /** Authentication is on unless {@code serve.auth.mode = none} is set. */
  public static final AuthMode DEFAULT_AUTH_MODE = AuthMode.TOKEN;

  /** The shortest bearer token taken: a short one could be guessed. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** {@code serve.contracts} value and default: the copy of {@code contracts/} in this build. */
  public static final String DEFAULT_CONTRACTS = "bundled";

  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Heartbeats.DEFAULT_INTERVAL;

  /** The variable Google's clients read, the default of {@code serve.pubsub.emulator-host}. */
  public static final String EMULATOR_HOST_VARIABLE = "PUBSUB_EMULATOR_HOST";

  static final Pattern HOST_FORM = Pattern.compile("[A-Za-z0-9.:_\\[\\]-]+");
  static final Pattern HOST_PORT_FORM = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:\\d{1,5}");
  static final Pattern TOPIC_FORM =
      Pattern.compile(
          "projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/topics/[A-Za-z][A-Za-z0-9._~+%-]{2,254}");

  public ServeConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(authMode, "authMode");
    Objects.requireNonNull(publisher, "publisher");
    if (publisher.limitExceeded() != LimitExceeded.FAIL) {
      throw new IllegalArgumentException("the ingest service's publisher must fail at its limits");
    }
  }

  /**
   * Reads every key, recording each problem in {@code reader} (the caller ends with {@link
   * ConfigReader#finish()}, which throws one exception naming them all).
   *
   * @param env for {@code $PUBSUB_EMULATOR_HOST}
   */
  public static ServeConfig from(ConfigReader reader, Map<String, String> env) {
    String topic = reader.string(TOPIC);
    String emulator = reader.string(EMULATOR_HOST);
    if (emulator == null) {
      emulator = env.get(EMULATOR_HOST_VARIABLE);
      if (emulator != null && !HOST_PORT_FORM.matcher(emulator).matches()) {
        reader.problem(
            EMULATOR_HOST,
            emulator,
            EMULATOR_HOST.rule().mustBe() + " (from $PUBSUB_EMULATOR_HOST)");
      }
    }
    AuthMode mode = reader.enumValue(AUTH_MODE, AuthMode.class);
    Secret token = reader.secret(AUTH_TOKEN);
    String audience = reader.string(AUTH_AUDIENCE);
    checkAuth(reader, mode, token, audience);
    Duration heartbeat = reader.duration(HEARTBEAT_INTERVAL);
    if (!heartbeat.isZero() && heartbeat.compareTo(Heartbeats.MIN_INTERVAL) < 0) {
      reader.problem(
          HEARTBEAT_INTERVAL,
          heartbeat.toMillis() + "ms",
          "must be 0s (off) or at least " + Heartbeats.MIN_INTERVAL.toMillis() + "ms");
    }
    PublisherSettings publisher = publisherSettings(reader);
    return new ServeConfig(
        reader.string(HOST),
        reader.integer(PORT),
        topic == null || !TOPIC_FORM.matcher(topic).matches()
            ? new TopicPath("unset-project", "unset-topic")
            : TopicPath.parse(topic),
        emulator,
        reader.path(CREDENTIALS_FILE),
        reader.longValue(MAX_BODY_BYTES),
        reader.integer(MAX_BATCH_SIZE),
        reader.duration(IDEMPOTENCY_TTL),
        reader.integer(IDEMPOTENCY_CAPACITY),
        mode,
        mode == AuthMode.TOKEN ? token : null,
        mode == AuthMode.OIDC ? audience : null,
        reader.string(CONTRACTS),
        reader.duration(SHUTDOWN_TIMEOUT),
        heartbeat,
        publisher);
  }

  /**
   * The publisher settings with {@link LimitExceeded#FAIL}: a full publisher answers 429 and never
   * holds a request thread. {@code block} or {@code ignore} given explicitly is a problem rather
   * than silently replaced.
   */
  private static PublisherSettings publisherSettings(ConfigReader reader) {
    ConfigKey limitKey =
        PublisherKey.FLOW_CONTROL_LIMIT_EXCEEDED.under(PublisherSettings.DEFAULT_PREFIX);
    PublisherSettings read = PublisherSettings.from(reader);
    if (reader.isSet(limitKey) && read.limitExceeded() != LimitExceeded.FAIL) {
      reader.problem(
          limitKey,
          read.limitExceeded().name().toLowerCase(Locale.ROOT),
          "must be fail (or unset) under producer serve: a full publisher answers 429 with"
              + " Retry-After instead of holding the request");
    }
    return read.toBuilder().limitExceeded(LimitExceeded.FAIL).build();
  }

  private static void checkAuth(ConfigReader reader, AuthMode mode, Secret token, String audience) {
    if (mode == AuthMode.TOKEN && token == null) {
      reader.problem(
          AUTH_TOKEN,
          null,
          "is required with "
              + AUTH_MODE.path()
              + " = token: set $"
              + AUTH_TOKEN.envName()
              + " or "
              + AUTH_TOKEN.path()
              + "-file, or choose another mode");
    } else if (mode == AuthMode.TOKEN && token.reveal().length() < MIN_TOKEN_LENGTH) {
      reader.problem(
          AUTH_TOKEN, Secret.mask(), "must be at least " + MIN_TOKEN_LENGTH + " characters long");
    }
    if (mode == AuthMode.OIDC && audience == null) {
      reader.problem(AUTH_AUDIENCE, null, "is required with " + AUTH_MODE.path() + " = oidc");
    }
  }
}
