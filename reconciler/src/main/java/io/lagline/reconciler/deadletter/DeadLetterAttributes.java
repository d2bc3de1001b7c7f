package io.lagline.reconciler.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes a dead-lettered message carries on top of its original ones. Part of the contract
 * with operators: {@code dlq list} shows them, {@code dlq replay} strips them.
 */
public final class DeadLetterAttributes {
  /** A stable code of why the event was parked, e.g. {@code missing_field}. */
  public static final String REASON = "dlq_reason";

  /** What is wrong, in words an operator can act on. */
  public static final String DETAIL = "dlq_detail";

  /** The full name of the subscription the message was taken from. */
  public static final String SUBSCRIPTION = "dlq_subscription";

  /** When the reconciler first received the message (RFC 3339, UTC). */
  public static final String FIRST_SEEN = "dlq_first_seen";

  /**
   * {@code true} on a dead letter parked by {@code reconciler rebuild --dead-letter-poison}: the
   * same event was dead-lettered when the running reconciler first met it.
   */
  public static final String REBUILD = "dlq_rebuild";

  /** The message id it had on the main topic. */
  public static final String ORIGINAL_MESSAGE_ID = "dlq_original_message_id";

  /**
   * Present only when the original data was dropped, holding its size in bytes: the data plus these
   * attributes would have exceeded Pub/Sub's 10 MB message limit, so the dead letter keeps the
   * attributes and says how large the data was. Such a dead letter cannot be replayed.
   */
  public static final String DATA_DROPPED_BYTES = "dlq_data_dropped_bytes";

  /** Prefix shared by every attribute above. */
  public static final String PREFIX = "dlq_";

  /**
   * The reason shown for a message Pub/Sub forwarded by itself after the subscription's maximum
   * delivery attempts (it carries no {@link #REASON}).
   */
  public static final String MAX_DELIVERY_ATTEMPTS = "max_delivery_attempts";

  /**
   * Prefix of the attributes Pub/Sub itself adds when its dead-letter policy forwards a message
   * ({@code CloudPubSubDeadLetterSourceSubscription}, {@code ...DeliveryCount}, ...).
   */
  public static final String PUBSUB_PREFIX = "CloudPubSubDeadLetter";

  /** How many times Pub/Sub delivered a message before its dead-letter policy forwarded it. */
  public static final String PUBSUB_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

  /** Attribute values are limited by Pub/Sub to 1024 bytes; details are cut to fit. */
  public static final int MAX_VALUE_CHARS = 1000;

  private DeadLetterAttributes() {}

  /** The original attributes: {@code attributes} without any {@code dlq_*} one. */
  public static Map<String, String> strip(Map<String, String> attributes) {
    Map<String, String> original = new LinkedHashMap<>();
    attributes.forEach(
        (key, value) -> {
          if (!key.startsWith(PREFIX)) {
            original.put(key, value);
          }
        });
    return original;
  }

  /**
   * The attributes to republish a dead letter with: {@code attributes} without the {@code dlq_*}
   * ones and without those Pub/Sub adds when it forwards a message itself ({@value
   * #PUBSUB_PREFIX}*).
   */
  public static Map<String, String> original(Map<String, String> attributes) {
    Map<String, String> original = strip(attributes);
    original.keySet().removeIf(key -> key.startsWith(PUBSUB_PREFIX));
    return original;
  }

  /** The reason of a dead-lettered message, {@link #MAX_DELIVERY_ATTEMPTS} when it has none. */
  public static String reasonOf(Map<String, String> attributes) {
    return attributes.getOrDefault(REASON, MAX_DELIVERY_ATTEMPTS);
  }

  /** {@code text} cut to fit an attribute value. */
  public static String fit(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 1) + "…";
  }
}
