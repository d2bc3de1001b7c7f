package io.lagline.reconciler.provision;

import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Duration;
import java.util.Objects;

/**
 * The Pub/Sub resources {@code reconciler provision} makes sure exist, as the configuration wants
 * them.
 *
 * @param topic the main topic, {@code pubsub.topic}
 * @param topicRetention how long the main topic retains every message, {@code
 *     pubsub.topic-retention}: at least this, as a longer retention is left alone
 * @param deadLetterTopic {@code pubsub.dead-letter.topic}
 * @param subscription {@code pubsub.subscription} on the main topic, with its ack deadline, retry
 *     policy and last-resort dead-letter policy
 * @param deadLetterSubscription {@code pubsub.dead-letter.subscription} on the dead-letter topic,
 *     or null when not configured
 * @param auditSubscription {@code audit.subscription} on the main topic, retaining acked messages
 *     so that {@code reconciler audit --since} can seek it back; null when not configured
 * @param reconciledTopic {@code pubsub.reconciled.topic}, or null when the stream is off
 * @param reconciledSubscription {@code pubsub.reconciled.subscription} on it, for a downstream
 *     consumer (ordered when notifications are); null when not configured
 */
public record ProvisionPlan(
    String topic,
    Duration topicRetention,
    String deadLetterTopic,
    Subscription subscription,
    Subscription deadLetterSubscription,
    Subscription auditSubscription,
    String reconciledTopic,
    Subscription reconciledSubscription) {

  /** The retry policy's shortest wait before a nacked message is delivered again. */
  public static final Duration RETRY_MIN_BACKOFF = Duration.ofSeconds(10);

  /** The retry policy's longest wait before a nacked message is delivered again. */
  public static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(600);

  /** How long the dead-letter subscription keeps a message: 7 days, Pub/Sub's maximum. */
  public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(7);

  /** The dead-letter subscription's ack deadline. */
  public static final Duration DEAD_LETTER_ACK_DEADLINE = Duration.ofSeconds(60);

  /**
   * How long the audit subscription keeps messages, acked ones too: the reach of {@code --since}.
   */
  public static final Duration AUDIT_RETENTION = Duration.ofDays(1);

  /** The reconciled subscription's ack deadline. */
  public static final Duration RECONCILED_ACK_DEADLINE = Duration.ofSeconds(60);

  /** The audit subscription's ack deadline. */
  public static final Duration AUDIT_ACK_DEADLINE = Duration.ofSeconds(60);

  public ProvisionPlan {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(topicRetention, "topicRetention");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(subscription, "subscription");
  }

  /**
   * The plan for {@code config}, whose {@code pubsub.topic} must be set. Both subscriptions never
   * expire: Pub/Sub would otherwise delete one idle for 31 days, dead letters and all.
   */
  public static ProvisionPlan of(ReconcilerConfig config) {
    String topic =
        Objects.requireNonNull(config.pubsub().topic(), ReconcilerKey.PUBSUB_TOPIC.path());
    String deadLetterTopic = config.deadLetter().topic();
    Subscription subscription =
        Subscription.newBuilder()
            .setName(config.pubsub().subscription())
            .setTopic(topic)
            .setAckDeadlineSeconds((int) config.pubsub().ackDeadline().toSeconds())
            .setDeadLetterPolicy(
                DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(deadLetterTopic)
                    .setMaxDeliveryAttempts(config.deadLetter().maxDeliveryAttempts()))
            .setRetryPolicy(
                RetryPolicy.newBuilder()
                    .setMinimumBackoff(Durations.fromSeconds(RETRY_MIN_BACKOFF.toSeconds()))
                    .setMaximumBackoff(Durations.fromSeconds(RETRY_MAX_BACKOFF.toSeconds())))
            .setExpirationPolicy(ExpirationPolicy.getDefaultInstance())
            .build();
    String deadLetterName = config.deadLetter().subscription();
    Subscription deadLetters =
        deadLetterName == null
            ? null
            : Subscription.newBuilder()
                .setName(deadLetterName)
                .setTopic(deadLetterTopic)
                .setAckDeadlineSeconds((int) DEAD_LETTER_ACK_DEADLINE.toSeconds())
                .setMessageRetentionDuration(
                    Durations.fromSeconds(DEAD_LETTER_RETENTION.toSeconds()))
                .setExpirationPolicy(ExpirationPolicy.getDefaultInstance())
                .build();
    String auditName = config.audit().subscription();
    Subscription audit =
        auditName == null
            ? null
            : Subscription.newBuilder()
                .setName(auditName)
                .setTopic(topic)
                .setAckDeadlineSeconds((int) AUDIT_ACK_DEADLINE.toSeconds())
                .setRetainAckedMessages(true)
                .setMessageRetentionDuration(Durations.fromSeconds(AUDIT_RETENTION.toSeconds()))
                .setExpirationPolicy(ExpirationPolicy.getDefaultInstance())
                .build();
    String reconciledTopic = config.reconciled().topic();
    String reconciledName = config.reconciled().subscription();
    Subscription reconciled =
        reconciledName == null || reconciledTopic == null
            ? null
            : Subscription.newBuilder()
                .setName(reconciledName)
                .setTopic(reconciledTopic)
                .setAckDeadlineSeconds((int) RECONCILED_ACK_DEADLINE.toSeconds())
                .setEnableMessageOrdering(config.reconciled().ordering())
                .setExpirationPolicy(ExpirationPolicy.getDefaultInstance())
                .build();
    return new ProvisionPlan(
        topic,
        config.pubsub().topicRetention(),
        deadLetterTopic,
        subscription,
        deadLetters,
        audit,
        reconciledTopic,
        reconciled);
  }
}
