package io.lagline.reconciler.it;

import static io.lagline.reconciler.it.DeadLetterStack.subscription;
import static io.lagline.reconciler.it.DeadLetterStack.topic;
import static io.lagline.reconciler.it.Pipeline.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import io.lagline.reconciler.deadletter.DeadLetterAttributes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code provision} on a real emulator, and the last-resort dead-letter policy it sets: the
 * emulator honours it (delivery attempts are counted, and a message nacked max-delivery-attempts
 * times is forwarded to the dead-letter topic).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionIT {
  DeadLetterStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = DeadLetterStack.start("provision-it");
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void creates_everything_once_and_then_finds_it() throws Exception {
    Path config = stack.config("fresh", "ack-deadline: 45s");

    Pipeline.CliResult first = cli("provision", "--config", config.toString());
    Pipeline.CliResult second = cli("provision", "--config", config.toString());

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("topic " + topic("fresh") + ": created")
        .contains("topic " + topic("fresh-dlq") + ": created")
        .contains("subscription " + subscription("fresh-sub") + ": created")
        .contains("subscription " + subscription("fresh-dlq-sub") + ": created")
        .contains("roles/pubsub.publisher")
        .contains("roles/pubsub.subscriber");
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.out().lines().filter(l -> l.endsWith(": exists"))).hasSize(4);
    Subscription main = stack.subscriptions.getSubscription(subscription("fresh-sub"));
    assertThat(main.getTopic()).isEqualTo(topic("fresh"));
    assertThat(main.getAckDeadlineSeconds()).isEqualTo(45);
    assertThat(main.getDeadLetterPolicy().getDeadLetterTopic()).isEqualTo(topic("fresh-dlq"));
    assertThat(main.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(20);
    assertThat(main.getRetryPolicy().getMinimumBackoff()).isEqualTo(Durations.fromSeconds(10));
    assertThat(main.getRetryPolicy().getMaximumBackoff()).isEqualTo(Durations.fromSeconds(600));
    Subscription deadLetters = stack.subscriptions.getSubscription(subscription("fresh-dlq-sub"));
    assertThat(deadLetters.getTopic()).isEqualTo(topic("fresh-dlq"));
    assertThat(deadLetters.getAckDeadlineSeconds()).isEqualTo(60);
    assertThat(deadLetters.getMessageRetentionDuration()).isEqualTo(Durations.fromDays(7));
  }

  @Test
  void brings_an_existing_subscription_in_line_and_says_what_changed() throws Exception {
    stack.pubsub.createTopic("drifted");
    stack.pubsub.createSubscription("drifted-sub", "drifted", Duration.ofSeconds(10));
    Path config = stack.config("drifted");

    Pipeline.CliResult result = cli("provision", "--config", config.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "topic "
                + topic("drifted")
                + ": updated (pubsub.topic-retention: message retention none -> 7d)")
        .contains(
            "subscription "
                + subscription("drifted-sub")
                + ": updated (ack deadline 10s -> 60s, dead-letter policy none -> "
                + topic("drifted-dlq")
                + " after 20 deliveries, retry policy none (immediate redelivery) -> backoff"
                + " 10s..600s)");
    Subscription main = stack.subscriptions.getSubscription(subscription("drifted-sub"));
    assertThat(main.getAckDeadlineSeconds()).isEqualTo(60);
    assertThat(main.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(20);
    assertThat(main.hasRetryPolicy()).isTrue();
    assertThat(cli("provision", "--config", config.toString()).out())
        .contains("subscription " + subscription("drifted-sub") + ": exists");
  }

  @Test
  void a_subscription_on_another_topic_is_an_error() throws Exception {
    stack.pubsub.createTopic("elsewhere");
    stack.pubsub.createSubscription("misplaced-sub", "elsewhere");
    Path config = stack.config("misplaced");

    Pipeline.CliResult result = cli("provision", "--config", config.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith("error: pubsub.subscription = " + subscription("misplaced-sub"))
        .contains("exists but reads " + topic("elsewhere") + ", not " + topic("misplaced"));
  }

  /**
   * The dead-letter policy as provisioned, minus the retry policy: its 10 s minimum backoff would
   * space the five deliveries over about a minute.
   */
  @Test
  void a_message_nacked_max_delivery_attempts_times_is_forwarded_to_the_dead_letter_topic()
      throws Exception {
    Path config = stack.config("poison", 5);
    assertThat(cli("provision", "--config", config.toString()).code()).isZero();
    stack.subscriptions.updateSubscription(
        UpdateSubscriptionRequest.newBuilder()
            .setSubscription(Subscription.newBuilder().setName(subscription("poison-sub")))
            .setUpdateMask(FieldMask.newBuilder().addPaths("retry_policy"))
            .build());
    stack.publish("poison", "{\"steps\":1}", Map.of("event_id", "e-poison"));

    List<Integer> attempts = new ArrayList<>();
    List<ReceivedMessage> forwarded = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              List<ReceivedMessage> delivered = stack.pull("poison-sub");
              delivered.forEach(m -> attempts.add(m.getDeliveryAttempt()));
              stack.nack("poison-sub", delivered);
              forwarded.addAll(stack.pull("poison-dlq-sub"));
              stack.nack("poison-dlq-sub", forwarded);
              return !forwarded.isEmpty();
            });

    assertThat(attempts).containsExactly(1, 2, 3, 4, 5);
    assertThat(forwarded.get(0).getMessage().getAttributesMap())
        .containsEntry("event_id", "e-poison")
        .containsEntry(DeadLetterAttributes.PUBSUB_DELIVERY_COUNT, "5")
        .doesNotContainKey(DeadLetterAttributes.REASON);
    Pipeline.CliResult list = cli("dlq", "list", "--config", config.toString());
    assertThat(list.out())
        .contains("reason=max_delivery_attempts")
        .contains("event_id=e-poison")
        .contains("after 5 deliveries");
  }
}
