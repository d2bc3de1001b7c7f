package io.lagline.reconciler.provision;

import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * How an existing main subscription differs from the plan in the settings {@code provision} owns:
 * ack deadline, dead-letter policy and retry policy. Anything else (filters, retention, labels) is
 * left as the operator set it.
 */
public final class SubscriptionDrift {
  private SubscriptionDrift() {}

  /**
   * One setting to update.
   *
   * @param field the field-mask path, e.g. {@code ack_deadline_seconds}
   * @param description what changes, e.g. {@code ack deadline 10s -> 60s}
   */
  public record Change(String field, String description) {}

  /** The settings of {@code existing} that differ from {@code wanted}, in a fixed order. */
  public static List<Change> between(Subscription existing, Subscription wanted) {
    List<Change> changes = new ArrayList<>();
    if (existing.getAckDeadlineSeconds() != wanted.getAckDeadlineSeconds()) {
      changes.add(
          new Change(
              "ack_deadline_seconds",
              "ack deadline "
                  + existing.getAckDeadlineSeconds()
                  + "s -> "
                  + wanted.getAckDeadlineSeconds()
                  + "s"));
    }
    if (!existing.getDeadLetterPolicy().equals(wanted.getDeadLetterPolicy())) {
      changes.add(
          new Change(
              "dead_letter_policy",
              "dead-letter policy "
                  + describe(existing.hasDeadLetterPolicy(), existing.getDeadLetterPolicy())
                  + " -> "
                  + describe(wanted.hasDeadLetterPolicy(), wanted.getDeadLetterPolicy())));
    }
    if (!existing.getRetryPolicy().equals(wanted.getRetryPolicy())) {
      changes.add(
          new Change(
              "retry_policy",
              "retry policy "
                  + describe(existing.hasRetryPolicy(), existing.getRetryPolicy())
                  + " -> "
                  + describe(wanted.hasRetryPolicy(), wanted.getRetryPolicy())));
    }
    return changes;
  }

  static String describe(boolean present, DeadLetterPolicy policy) {
    return present
        ? policy.getDeadLetterTopic() + " after " + policy.getMaxDeliveryAttempts() + " deliveries"
        : "none";
  }

  static String describe(boolean present, RetryPolicy policy) {
    return present
        ? "backoff "
            + Durations.toString(policy.getMinimumBackoff())
            + ".."
            + Durations.toString(policy.getMaximumBackoff())
        : "none (immediate redelivery)";
  }
}
