package io.lagline.producer.publish;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventPublisher} batches, bounds and retries its publishes. Every value has a named
 * default ({@code DEFAULT_*}) and allowed range ({@code MIN_*}/{@code MAX_*}), declared as the rule
 * of its {@link PublisherKey}; the constructor checks them all and throws one {@link
 * ConfigException} naming each broken rule. The defaults differ from the Pub/Sub client's on
 * purpose: the client batches at most 1000 <em>bytes</em> (about three events) and never bounds
 * outstanding publishes, so under overload they pile up unconfirmed and {@code shutdown()} waits
 * for all of them.
 *
 * @param batchMaxMessages messages that trigger sending a batch
 * @param batchMaxBytes bytes that trigger sending a batch
 * @param batchDelay longest a message waits for its batch to fill
 * @param maxOutstandingMessages messages published and not yet confirmed, at most
 * @param maxOutstandingBytes bytes published and not yet confirmed, at most
 * @param limitExceeded what {@code publish} does at a flow-control limit
 * @param ordering whether each message carries its entity key as ordering key
 * @param publishTimeout longest one publish may take, retries included
 * @param retryInitialDelay wait before the first retry of a publish RPC
 * @param retryMaxDelay longest wait between two retries
 * @param rpcTimeout longest one publish RPC attempt may take
 * @param shutdownTimeout longest {@code close()} waits for outstanding publishes
 */
public record PublisherSettings(
    long batchMaxMessages,
    long batchMaxBytes,
    Duration batchDelay,
    long maxOutstandingMessages,
    long maxOutstandingBytes,
    LimitExceeded limitExceeded,
    boolean ordering,
    Duration publishTimeout,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    Duration rpcTimeout,
    Duration shutdownTimeout) {

  /** The prefix of the configuration keys read by {@link #from(ConfigReader)}. */
  public static final String DEFAULT_PREFIX = "publisher";

  /**
   * Default of {@link PublisherKey#BATCH_MAX_MESSAGES}: 1000, Pub/Sub's limit per publish request.
   */
  public static final long DEFAULT_BATCH_MAX_MESSAGES = 1000;

  /** Pub/Sub accepts at most 1000 messages per publish request. */
  public static final long MAX_BATCH_MESSAGES = 1000;

  /**
   * Default of {@link PublisherKey#BATCH_MAX_BYTES}: 1 MiB, so a batch holds hundreds of typical
   * events.
   */
  public static final long DEFAULT_BATCH_MAX_BYTES = 1024 * 1024;

  /** Pub/Sub accepts at most 10 MB per publish request. */
  public static final long MAX_BATCH_BYTES = 10_000_000;

  /**
   * Default of {@link PublisherKey#BATCH_DELAY}: 10 ms, the latency a message may spend waiting to
   * batch.
   */
  public static final Duration DEFAULT_BATCH_DELAY = Duration.ofMillis(10);

  /** Longest allowed {@link PublisherKey#BATCH_DELAY}. */
  public static final Duration MAX_BATCH_DELAY = Duration.ofSeconds(10);

  /** Default of {@link PublisherKey#FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES}: 10,000. */
  public static final long DEFAULT_MAX_OUTSTANDING_MESSAGES = 10_000;

  /** Largest allowed {@link PublisherKey#FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES}. */
  public static final long MAX_OUTSTANDING_MESSAGES = 10_000_000;

  /** Default of {@link PublisherKey#FLOW_CONTROL_MAX_OUTSTANDING_BYTES}: 64 MiB of heap at most. */
  public static final long DEFAULT_MAX_OUTSTANDING_BYTES = 64L * 1024 * 1024;

  /** Largest allowed {@link PublisherKey#FLOW_CONTROL_MAX_OUTSTANDING_BYTES}: 16 GiB. */
  public static final long MAX_OUTSTANDING_BYTES = 16L * 1024 * 1024 * 1024;

  /**
   * Default of {@link PublisherKey#FLOW_CONTROL_LIMIT_EXCEEDED}: block the caller until room frees
   * up.
   */
  public static final LimitExceeded DEFAULT_LIMIT_EXCEEDED = LimitExceeded.BLOCK;

  /**
   * Default of {@link PublisherKey#ORDERING}: off, as the reconciler converges in any delivery
   * order.
   */
  public static final boolean DEFAULT_ORDERING = false;

  /** Default of {@link PublisherKey#PUBLISH_TIMEOUT}: 60 s (the client's own default is 600 s). */
  public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(60);

  /** Shortest allowed {@link PublisherKey#PUBLISH_TIMEOUT}: the client's minimum, 10 s. */
  public static final Duration MIN_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

  /** Default of {@link PublisherKey#RETRY_INITIAL_DELAY}: 100 ms. */
  public static final Duration DEFAULT_RETRY_INITIAL_DELAY = Duration.ofMillis(100);

  /** Default of {@link PublisherKey#RETRY_MAX_DELAY}: 10 s. */
  public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(10);

  /** Each retry waits this many times longer than the one before, up to the max delay. */
  public static final double RETRY_DELAY_MULTIPLIER = 2.0;

  /** Default of {@link PublisherKey#RETRY_RPC_TIMEOUT}: 15 s. */
  public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(15);

  /** Shortest allowed {@link PublisherKey#RETRY_RPC_TIMEOUT}: the client's minimum, 10 ms. */
  public static final Duration MIN_RPC_TIMEOUT = Duration.ofMillis(10);

  /** Default of {@link PublisherKey#SHUTDOWN_TIMEOUT}: 30 s. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** Longest allowed duration for the timeouts and delays not bounded otherwise. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  /** What {@code publish} does when a flow-control limit is reached. */
  public enum LimitExceeded {
    /** Block the calling thread until confirmations free room: back-pressure on the caller. */
    BLOCK,
    /** Fail that publish at once with {@link PublishFailure#FLOW_CONTROL}. */
    FAIL
  }

  /**
   * Checks every value.
   *
   * @throws ConfigException naming each key whose value breaks a rule
   */
  public PublisherSettings {
    SettingsCheck check = new SettingsCheck();
    check.range(PublisherKey.BATCH_MAX_MESSAGES, batchMaxMessages);
    check.range(PublisherKey.BATCH_MAX_BYTES, batchMaxBytes);
    check.range(PublisherKey.BATCH_DELAY, batchDelay);
    check.range(PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES, maxOutstandingMessages);
    check.range(PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_BYTES, maxOutstandingBytes);
    check.notNull(PublisherKey.FLOW_CONTROL_LIMIT_EXCEEDED, limitExceeded);
    check.range(PublisherKey.PUBLISH_TIMEOUT, publishTimeout);
    check.range(PublisherKey.RETRY_INITIAL_DELAY, retryInitialDelay);
    check.range(PublisherKey.RETRY_MAX_DELAY, retryMaxDelay);
    check.range(PublisherKey.RETRY_RPC_TIMEOUT, rpcTimeout);
    check.range(PublisherKey.SHUTDOWN_TIMEOUT, shutdownTimeout);
    String unfilled = "otherwise a batch can never fill and every batch waits for the delay";
    check.atLeast(
        PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES,
        maxOutstandingMessages,
        PublisherKey.BATCH_MAX_MESSAGES,
        batchMaxMessages,
        unfilled);
    check.atLeast(
        PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_BYTES,
        maxOutstandingBytes,
        PublisherKey.BATCH_MAX_BYTES,
        batchMaxBytes,
        unfilled);
    check.atLeast(
        PublisherKey.RETRY_MAX_DELAY,
        retryMaxDelay,
        PublisherKey.RETRY_INITIAL_DELAY,
        retryInitialDelay,
        "delays only grow");
    check.atLeast(
        PublisherKey.PUBLISH_TIMEOUT,
        publishTimeout,
        PublisherKey.RETRY_RPC_TIMEOUT,
        rpcTimeout,
        "one attempt cannot outlast the whole publish");
    check.throwIfAny();
  }

  /** Every setting at its default. */
  public static PublisherSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static PublisherSettingsBuilder builder() {
    return new PublisherSettingsBuilder();
  }

  /** A builder starting from these settings. */
  public PublisherSettingsBuilder toBuilder() {
    return new PublisherSettingsBuilder(this);
  }

  /**
   * Reads the {@link PublisherKey keys} under {@value #DEFAULT_PREFIX}. Like every {@link
   * ConfigReader} getter it never throws: problems are recorded in the reader, which reports them
   * all in {@link ConfigReader#finish()}.
   */
  public static PublisherSettings from(ConfigReader reader) {
    return from(reader, DEFAULT_PREFIX);
  }

  /**
   * Reads the {@link PublisherKey keys} under {@code prefix}, e.g. {@code
   * publisher.batch.max-bytes}. A value out of range is recorded in the reader and replaced by its
   * default; a rule spanning two keys that is broken is recorded and the defaults returned. Call
   * {@link ConfigReader#finish()} afterwards to report every problem.
   */
  public static PublisherSettings from(ConfigReader reader, String prefix) {
    return SettingsReader.read(
        Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(prefix, "prefix"));
  }
}
