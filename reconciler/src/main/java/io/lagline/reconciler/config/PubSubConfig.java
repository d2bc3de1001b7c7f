package io.lagline.reconciler.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the reconciler pulls. See the configuration reference in the README for each key.
 *
 * @param subscription full subscription name, {@code projects/P/subscriptions/S}
 * @param topic full name of the topic the subscription reads, {@code projects/P/topics/T}; needed
 *     by {@code provision} and {@code dlq replay}, else null
 * @param emulatorHost {@code host:port} of a Pub/Sub emulator, or null for Google Cloud
 * @param credentialsFile service-account JSON file, or null for Application Default Credentials
 * @param parallelPullCount streaming-pull streams opened by this instance
 * @param maxOutstandingMessages flow control: messages held (pulled, not yet acked) at most
 * @param maxOutstandingBytes flow control: bytes held at most
 * @param maxAckExtension how long one message's ack deadline is extended at most before it is
 *     redelivered
 * @param executorThreads threads that run the receiver callbacks
 * @param ackDeadline the subscription's ack deadline, set by {@code provision}
 * @param maxDurationPerAckExtension each lease renewal extends a held message's deadline by at most
 *     this, so the messages of a crashed instance are redelivered within about this long
 * @param topicRetention how long {@code topic} retains every message, acked or not, set by {@code
 *     provision}: how far back a rebuild can read
 */
public record PubSubConfig(
    String subscription,
    String topic,
    String emulatorHost,
    Path credentialsFile,
    int parallelPullCount,
    long maxOutstandingMessages,
    long maxOutstandingBytes,
    Duration maxAckExtension,
    int executorThreads,
    Duration ackDeadline,
    Duration maxDurationPerAckExtension,
    Duration topicRetention) {

  /**
   * Default for {@code pubsub.parallel-pull-count}: the emulator paces each stream near 2k msgs/s.
   */
  public static final int DEFAULT_PARALLEL_PULL_COUNT = 4;

  /**
   * Default for {@code pubsub.flow-control.max-outstanding-messages}: enough held messages to keep
   * the writes in flight busy (a few times the write concurrency) and to cover the Pub/Sub link's
   * bandwidth-delay product (4,000 messages is 20k msgs/s over a 200 ms round trip).
   */
  public static final long DEFAULT_MAX_OUTSTANDING_MESSAGES = 4_000;

  /** Default for {@code pubsub.flow-control.max-outstanding-bytes}: 100 MiB. */
  public static final long DEFAULT_MAX_OUTSTANDING_BYTES = 100L * 1024 * 1024;

  /** Default for {@code pubsub.max-ack-extension}. */
  public static final Duration DEFAULT_MAX_ACK_EXTENSION = Duration.ofMinutes(60);

  /** Default for {@code pubsub.max-duration-per-ack-extension}. */
  public static final Duration DEFAULT_MAX_DURATION_PER_ACK_EXTENSION = Duration.ofSeconds(60);

  /** Default for {@code pubsub.ack-deadline}. */
  public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(60);

  /** Default for {@code pubsub.topic-retention}: a week of events can be replayed. */
  public static final Duration DEFAULT_TOPIC_RETENTION = Duration.ofDays(7);

  /** The shortest topic retention Pub/Sub accepts. */
  public static final Duration MIN_TOPIC_RETENTION = Duration.ofMinutes(10);

  /** The longest topic retention Pub/Sub accepts. */
  public static final Duration MAX_TOPIC_RETENTION = Duration.ofDays(31);

  /** Default for {@code pubsub.executor-threads}. */
  public static final int DEFAULT_EXECUTOR_THREADS = 4;

  /** The project id, taken from the subscription name. */
  public String projectId() {
    return subscription.split("/")[1];
  }

  /** The short subscription id, taken from the subscription name. */
  public String subscriptionId() {
    return subscription.split("/")[3];
  }
}
