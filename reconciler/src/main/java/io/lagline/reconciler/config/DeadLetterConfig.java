package io.lagline.reconciler.config;

/**
 * Where poison events go, and the subscription's last-resort dead-letter policy.
 *
 * @param topic full topic name the reconciler publishes poison events to, {@code
 *     projects/P/topics/T}
 * @param subscription full name of a subscription on {@code topic} that holds them for {@code dlq
 *     list|replay}, or null when none is configured
 * @param maxDeliveryAttempts the main subscription's dead-letter policy: after this many deliveries
 *     Pub/Sub itself forwards a message to {@code topic} (set by {@code reconciler provision})
 */
public record DeadLetterConfig(String topic, String subscription, int maxDeliveryAttempts) {
  /** Default for {@code pubsub.dead-letter.max-delivery-attempts}. */
  public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 20;
}
