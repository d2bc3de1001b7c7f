package io.lagline.producer.http;

import static io.lagline.config.KeyRule.choice;
import static io.lagline.config.KeyRule.duration;
import static io.lagline.config.KeyRule.file;
import static io.lagline.config.KeyRule.integer;
import static io.lagline.config.KeyRule.requiredText;
import static io.lagline.config.KeyRule.secret;
import static io.lagline.config.KeyRule.text;
import static io.lagline.producer.http.ServeConfig.*;
import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.lagline.config.ConfigKey;
import io.lagline.config.KeyRule;
import java.util.regex.Pattern;

/**
 * Every key of {@code producer serve}'s configuration, declared once: its path, its rule (type,
 * range or form, and the {@code DEFAULT_*} constant of {@link ServeConfig}) and what it does.
 * {@link ServeConfig#from} reads by these keys, problems name them, and the producer README's
 * "Serve settings" table is this list rendered ({@code ServeReferenceTest}). Each key can be
 * overridden by its environment variable, {@link #envName()}, e.g. {@code LAGLINE_SERVE_PORT}; the
 * publisher's own keys ({@code publisher.*}) are read as for {@code producer publish}.
 */
public enum ServeKey implements ConfigKey {
  HOST(
      "serve.host",
      text(HOST_FORM, "a host name or IP address").withDefault(DEFAULT_HOST),
      "the address to listen on"),
  PORT("serve.port", integer(DEFAULT_PORT, 0, 65_535), "the port to listen on; 0 picks a free one"),
  TOPIC(
      "serve.topic",
      requiredText(TOPIC_FORM, "a full name: projects/{project-id}/topics/{topic-id}"),
      "the topic events are published to"),
  EMULATOR_HOST(
      "serve.pubsub.emulator-host",
      text(HOST_PORT_FORM, "host:port, e.g. 127.0.0.1:8085").unsetMeans("`$PUBSUB_EMULATOR_HOST`"),
      "a Pub/Sub emulator; unset, and without `$PUBSUB_EMULATOR_HOST`: Google Cloud"),
  CREDENTIALS_FILE(
      "serve.pubsub.credentials-file",
      file(true).unsetMeans("ADC"),
      "service-account JSON key or `external_account` credential configuration; unset:"
          + " Application Default Credentials"),
  MAX_BODY_BYTES(
      "serve.max-body-bytes",
      integer(DEFAULT_MAX_BODY_BYTES, 1024, MAX_BODY_BYTES_LIMIT),
      "largest request body; a larger one is refused with 413 before it is read"),
  MAX_BATCH_SIZE(
      "serve.max-batch-size",
      integer(DEFAULT_MAX_BATCH_SIZE, 1, MAX_BATCH_SIZE_LIMIT),
      "most events in one `POST /v1/events:batch`; more is refused with 413"),
  IDEMPOTENCY_TTL(
      "serve.idempotency.ttl",
      duration(DEFAULT_IDEMPOTENCY_TTL, ofSeconds(1), ofDays(7)),
      "how long the first response to an `Idempotency-Key` is replayed"),
  IDEMPOTENCY_CAPACITY(
      "serve.idempotency.capacity",
      integer(DEFAULT_IDEMPOTENCY_CAPACITY, 1, 10_000_000),
      "keys remembered at most, per replica; past it the oldest is forgotten"),
  AUTH_MODE(
      "serve.auth.mode",
      choice(DEFAULT_AUTH_MODE),
      "`token`: a bearer token; `oidc`: a Google-signed ID token; `none`: no authentication"),
  AUTH_TOKEN(
      "serve.auth.token",
      secret(),
      "the bearer token callers must send, with `auth.mode = token`; never logged"),
  AUTH_AUDIENCE(
      "serve.auth.audience",
      text(Pattern.compile("\\S+"), "a URL or client id"),
      "the audience an ID token must carry, with `auth.mode = oidc` (a Cloud Run service's URL)"),
  CONTRACTS(
      "serve.contracts",
      text(Pattern.compile("\\S+"), "a directory or `bundled`").withDefault(DEFAULT_CONTRACTS),
      "the payload schemas every event is checked against: a contracts directory, or `bundled`"),
  SHUTDOWN_TIMEOUT(
      "serve.shutdown-timeout",
      duration(DEFAULT_SHUTDOWN_TIMEOUT, ZERO, ofMinutes(10)),
      "longest wait, on SIGTERM, for requests in flight to be answered"),
  HEARTBEAT_INTERVAL(
      "serve.heartbeat-interval",
      duration(DEFAULT_HEARTBEAT_INTERVAL, ZERO, ofMinutes(10)),
      "a heartbeat event this often, at start included; 0s turns heartbeats off, else at least 100ms");

  /** The prefix of the environment variables that override keys. */
  public static final String ENV_PREFIX = "LAGLINE_";

  private final String path;
  private final KeyRule rule;
  private final String doc;

  ServeKey(String path, KeyRule rule, String doc) {
    this.path = path;
    this.rule = rule;
    this.doc = doc;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public KeyRule rule() {
    return rule;
  }

  @Override
  public String doc() {
    return doc;
  }

  /** The environment variable of this key, e.g. {@code LAGLINE_SERVE_PORT}. */
  public String envName() {
    return envName(ENV_PREFIX);
  }
}
