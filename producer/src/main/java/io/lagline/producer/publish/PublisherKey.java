package io.lagline.producer.publish;

/**
 * The configuration keys of {@link PublisherSettings}, each relative to a prefix ({@value
 * PublisherSettings#DEFAULT_PREFIX} by default). The environment variable of a key follows {@link
 * io.lagline.config.ConfigReader#envName}, e.g. {@code LAGLINE_PUBLISHER_BATCH_MAX_BYTES}; the CLI
 * flag is the key with dots as dashes, e.g. {@code --batch-max-bytes}.
 */
public enum PublisherKey {
  /** Messages that trigger sending a batch. */
  BATCH_MAX_MESSAGES("batch.max-messages"),
  /** Bytes that trigger sending a batch. */
  BATCH_MAX_BYTES("batch.max-bytes"),
  /** Longest a message waits for its batch to fill. */
  BATCH_DELAY("batch.delay"),
  /** Messages handed to the client and not yet confirmed, at most. */
  FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES("flow-control.max-outstanding-messages"),
  /** Bytes handed to the client and not yet confirmed, at most. */
  FLOW_CONTROL_MAX_OUTSTANDING_BYTES("flow-control.max-outstanding-bytes"),
  /**
   * What {@code publish} does when a flow-control limit is reached: {@code block} or {@code fail}.
   */
  FLOW_CONTROL_LIMIT_EXCEEDED("flow-control.limit-exceeded"),
  /** Whether messages carry the entity key as their ordering key. */
  ORDERING("ordering"),
  /** Longest one publish may take, retries included. */
  PUBLISH_TIMEOUT("publish-timeout"),
  /** Wait before the first retry of a failed publish RPC. */
  RETRY_INITIAL_DELAY("retry.initial-delay"),
  /** Longest wait between two retries. */
  RETRY_MAX_DELAY("retry.max-delay"),
  /** Longest one publish RPC attempt may take before it is retried. */
  RETRY_RPC_TIMEOUT("retry.rpc-timeout"),
  /** Longest {@code close()} waits for outstanding publishes to be confirmed. */
  SHUTDOWN_TIMEOUT("shutdown-timeout");

  private final String path;

  PublisherKey(String path) {
    this.path = path;
  }

  /** The key relative to its prefix, e.g. {@code batch.max-bytes}. */
  public String path() {
    return path;
  }

  /** The full key under {@code prefix}, e.g. {@code publisher.batch.max-bytes}. */
  public String path(String prefix) {
    return prefix.isEmpty() ? path : prefix + "." + path;
  }

  /** The CLI flag that sets this key, e.g. {@code --batch-max-bytes}. */
  public String flag() {
    return "--" + path.replace('.', '-');
  }
}
