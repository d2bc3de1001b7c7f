package io.lagline.producer.publish;

import static io.lagline.producer.publish.PublisherSettings.*;

import io.lagline.config.ConfigException;
import java.time.Duration;

/** Builds {@link PublisherSettings}; each setter states its default. */
public final class PublisherSettingsBuilder {
  private long batchMaxMessages = DEFAULT_BATCH_MAX_MESSAGES;
  private long batchMaxBytes = DEFAULT_BATCH_MAX_BYTES;
  private Duration batchDelay = DEFAULT_BATCH_DELAY;
  private long maxOutstandingMessages = DEFAULT_MAX_OUTSTANDING_MESSAGES;
  private long maxOutstandingBytes = DEFAULT_MAX_OUTSTANDING_BYTES;
  private LimitExceeded limitExceeded = DEFAULT_LIMIT_EXCEEDED;
  private boolean ordering = DEFAULT_ORDERING;
  private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;
  private Duration retryInitialDelay = DEFAULT_RETRY_INITIAL_DELAY;
  private Duration retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;
  private Duration rpcTimeout = DEFAULT_RPC_TIMEOUT;
  private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

  PublisherSettingsBuilder() {}

  PublisherSettingsBuilder(PublisherSettings s) {
    batchMaxMessages = s.batchMaxMessages();
    batchMaxBytes = s.batchMaxBytes();
    batchDelay = s.batchDelay();
    maxOutstandingMessages = s.maxOutstandingMessages();
    maxOutstandingBytes = s.maxOutstandingBytes();
    limitExceeded = s.limitExceeded();
    ordering = s.ordering();
    publishTimeout = s.publishTimeout();
    retryInitialDelay = s.retryInitialDelay();
    retryMaxDelay = s.retryMaxDelay();
    rpcTimeout = s.rpcTimeout();
    shutdownTimeout = s.shutdownTimeout();
  }

  /** Messages that trigger sending a batch, 1 to 1000; default 1000. */
  public PublisherSettingsBuilder batchMaxMessages(long value) {
    batchMaxMessages = value;
    return this;
  }

  /** Bytes that trigger sending a batch, 1 to 10,000,000; default 1 MiB. */
  public PublisherSettingsBuilder batchMaxBytes(long value) {
    batchMaxBytes = value;
    return this;
  }

  /** Longest a message waits for its batch to fill, 1 ms to 10 s; default 10 ms. */
  public PublisherSettingsBuilder batchDelay(Duration value) {
    batchDelay = value;
    return this;
  }

  /** Unconfirmed messages at most, at least the batch size; default 10,000. */
  public PublisherSettingsBuilder maxOutstandingMessages(long value) {
    maxOutstandingMessages = value;
    return this;
  }

  /** Unconfirmed bytes at most, at least the batch bytes; default 64 MiB. */
  public PublisherSettingsBuilder maxOutstandingBytes(long value) {
    maxOutstandingBytes = value;
    return this;
  }

  /** What {@code publish} does at a flow-control limit; default {@link LimitExceeded#BLOCK}. */
  public PublisherSettingsBuilder limitExceeded(LimitExceeded value) {
    limitExceeded = value;
    return this;
  }

  /** Whether the entity key is the ordering key; default {@code false}. */
  public PublisherSettingsBuilder ordering(boolean value) {
    ordering = value;
    return this;
  }

  /** Longest one publish may take, retries included, 10 s to 1 h; default 60 s. */
  public PublisherSettingsBuilder publishTimeout(Duration value) {
    publishTimeout = value;
    return this;
  }

  /** Wait before the first retry, 1 ms to 1 h; default 100 ms. */
  public PublisherSettingsBuilder retryInitialDelay(Duration value) {
    retryInitialDelay = value;
    return this;
  }

  /** Longest wait between retries, at least the initial delay; default 10 s. */
  public PublisherSettingsBuilder retryMaxDelay(Duration value) {
    retryMaxDelay = value;
    return this;
  }

  /** Longest one RPC attempt may take, 10 ms up to the publish timeout; default 15 s. */
  public PublisherSettingsBuilder rpcTimeout(Duration value) {
    rpcTimeout = value;
    return this;
  }

  /** Longest {@code close()} waits for confirmations, 0 to 1 h; default 30 s. */
  public PublisherSettingsBuilder shutdownTimeout(Duration value) {
    shutdownTimeout = value;
    return this;
  }

  /**
   * The settings.
   *
   * @throws ConfigException naming each key whose value breaks a rule
   */
  public PublisherSettings build() {
    return new PublisherSettings(
        batchMaxMessages,
        batchMaxBytes,
        batchDelay,
        maxOutstandingMessages,
        maxOutstandingBytes,
        limitExceeded,
        ordering,
        publishTimeout,
        retryInitialDelay,
        retryMaxDelay,
        rpcTimeout,
        shutdownTimeout);
  }
}
