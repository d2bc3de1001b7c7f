package io.lagline.producer.publish;

import static io.lagline.config.KeyRule.choice;
import static io.lagline.config.KeyRule.duration;
import static io.lagline.config.KeyRule.integer;
import static io.lagline.producer.publish.PublisherSettings.*;

import io.lagline.config.ConfigKey;
import io.lagline.config.KeyRule;
import java.time.Duration;

/**
 * Every configuration key of {@link PublisherSettings}, declared once: its path relative to a
 * prefix ({@value PublisherSettings#DEFAULT_PREFIX} by default), its rule (type, range and the
 * {@code DEFAULT_*} constant of {@link PublisherSettings}) and what it does. The settings check
 * their values by these rules, the CLI takes its flags and their defaults from here, and the
 * producer README's settings table is this list rendered ({@code SettingsReferenceTest}). The
 * environment variable of a key is {@link #envName()}, e.g. {@code
 * LAGLINE_PUBLISHER_BATCH_MAX_BYTES}; the CLI flag is {@link #flag()}, e.g. {@code
 * --batch-max-bytes}.
 */
public enum PublisherKey implements ConfigKey {
  BATCH_MAX_MESSAGES(
      "batch.max-messages",
      integer(DEFAULT_BATCH_MAX_MESSAGES, 1, MAX_BATCH_MESSAGES),
      "messages that trigger sending a batch (Pub/Sub takes at most 1000 per request)"),
  BATCH_MAX_BYTES(
      "batch.max-bytes",
      integer(DEFAULT_BATCH_MAX_BYTES, 1, MAX_BATCH_BYTES),
      "bytes that trigger sending a batch (the default is 1 MiB)"),
  BATCH_DELAY(
      "batch.delay",
      duration(DEFAULT_BATCH_DELAY, Duration.ofMillis(1), MAX_BATCH_DELAY),
      "longest a message waits for its batch to fill"),
  FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES(
      "flow-control.max-outstanding-messages",
      integer(DEFAULT_MAX_OUTSTANDING_MESSAGES, 1, MAX_OUTSTANDING_MESSAGES),
      "messages handed to the client and not yet confirmed, at most; at least"
          + " `batch.max-messages`"),
  FLOW_CONTROL_MAX_OUTSTANDING_BYTES(
      "flow-control.max-outstanding-bytes",
      integer(DEFAULT_MAX_OUTSTANDING_BYTES, 1, MAX_OUTSTANDING_BYTES),
      "bytes handed to the client and not yet confirmed, at most (the default is 64 MiB, the"
          + " maximum 16 GiB); at least `batch.max-bytes`"),
  FLOW_CONTROL_LIMIT_EXCEEDED(
      "flow-control.limit-exceeded",
      choice(DEFAULT_LIMIT_EXCEEDED),
      "what `publish` does at a flow-control limit: `block` the caller, or `fail` the publish"),
  ORDERING(
      "ordering", KeyRule.flag(DEFAULT_ORDERING), "messages carry the entity key as ordering key"),
  PUBLISH_TIMEOUT(
      "publish-timeout",
      duration(DEFAULT_PUBLISH_TIMEOUT, MIN_PUBLISH_TIMEOUT, MAX_DURATION),
      "longest one publish may take, retries included; at least `retry.rpc-timeout`"),
  RETRY_INITIAL_DELAY(
      "retry.initial-delay",
      duration(DEFAULT_RETRY_INITIAL_DELAY, Duration.ofMillis(1), MAX_DURATION),
      "wait before the first retry of a failed publish RPC; the delay doubles per retry"),
  RETRY_MAX_DELAY(
      "retry.max-delay",
      duration(DEFAULT_RETRY_MAX_DELAY, Duration.ofMillis(1), MAX_DURATION),
      "longest wait between two retries; at least `retry.initial-delay`"),
  RETRY_RPC_TIMEOUT(
      "retry.rpc-timeout",
      duration(DEFAULT_RPC_TIMEOUT, MIN_RPC_TIMEOUT, MAX_DURATION),
      "longest one publish RPC attempt may take before it is retried"),
  SHUTDOWN_TIMEOUT(
      "shutdown-timeout",
      duration(DEFAULT_SHUTDOWN_TIMEOUT, Duration.ZERO, MAX_DURATION),
      "longest `close()` waits for outstanding publishes to be confirmed");

  /** The prefix of the environment variables the producer CLI reads keys from. */
  public static final String ENV_PREFIX = "LAGLINE_";

  private final String path;
  private final KeyRule rule;
  private final String doc;

  PublisherKey(String path, KeyRule rule, String doc) {
    this.path = path;
    this.rule = rule;
    this.doc = doc;
  }

  /** The key relative to its prefix, e.g. {@code batch.max-bytes}. */
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

  /** The full key under {@code prefix}, e.g. {@code publisher.batch.max-bytes}. */
  public String path(String prefix) {
    return under(prefix).path();
  }

  /** The environment variable of the key under the default prefix. */
  public String envName() {
    return under(DEFAULT_PREFIX).envName(ENV_PREFIX);
  }

  /** The CLI flag that sets this key, e.g. {@code --batch-max-bytes}. */
  public String flag() {
    return "--" + path.replace('.', '-');
  }
}
