package io.lagline.reconciler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import org.junit.jupiter.api.Test;

class SubscriptionDriftTest {
  private static final String DLQ = "projects/demo-project/topics/events-dead-letter";

  private static final Subscription WANTED =
      Subscription.newBuilder()
          .setName("projects/demo-project/subscriptions/events")
          .setTopic("projects/demo-project/topics/events")
          .setAckDeadlineSeconds(60)
          .setDeadLetterPolicy(
              DeadLetterPolicy.newBuilder().setDeadLetterTopic(DLQ).setMaxDeliveryAttempts(20))
          .setRetryPolicy(
              RetryPolicy.newBuilder()
                  .setMinimumBackoff(Durations.fromSeconds(10))
                  .setMaximumBackoff(Durations.fromSeconds(600)))
          .build();

  @Test
  void a_subscription_as_wanted_has_no_drift_whatever_else_is_set() {
    Subscription existing =
        WANTED.toBuilder()
            .setMessageRetentionDuration(Durations.fromDays(1))
            .putLabels("team", "sync")
            .build();

    assertThat(SubscriptionDrift.between(existing, WANTED)).isEmpty();
  }

  @Test
  void a_bare_subscription_gets_all_three_settings() {
    Subscription bare =
        Subscription.newBuilder()
            .setName(WANTED.getName())
            .setTopic(WANTED.getTopic())
            .setAckDeadlineSeconds(10)
            .build();

    assertThat(SubscriptionDrift.between(bare, WANTED))
        .containsExactly(
            new SubscriptionDrift.Change("ack_deadline_seconds", "ack deadline 10s -> 60s"),
            new SubscriptionDrift.Change(
                "dead_letter_policy", "dead-letter policy none -> " + DLQ + " after 20 deliveries"),
            new SubscriptionDrift.Change(
                "retry_policy", "retry policy none (immediate redelivery) -> backoff 10s..600s"));
  }

  @Test
  void only_what_differs_is_updated() {
    Subscription fewerAttempts =
        WANTED.toBuilder()
            .setDeadLetterPolicy(WANTED.getDeadLetterPolicy().toBuilder().setMaxDeliveryAttempts(5))
            .build();

    assertThat(SubscriptionDrift.between(fewerAttempts, WANTED))
        .extracting(SubscriptionDrift.Change::field, SubscriptionDrift.Change::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dead_letter_policy",
                "dead-letter policy "
                    + DLQ
                    + " after 5 deliveries -> "
                    + DLQ
                    + " after 20 deliveries"));
  }
}
