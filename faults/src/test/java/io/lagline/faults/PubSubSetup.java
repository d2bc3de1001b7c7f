package io.lagline.faults;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Creates a scenario's subscriptions with the settings {@code reconciler provision} gives them in
 * production: an ack deadline, optionally message ordering, and the last-resort dead-letter policy
 * (after so many deliveries Pub/Sub itself parks a message on the dead-letter topic).
 */
final class PubSubSetup {
  private PubSubSetup() {}

  /**
   * Creates a subscription; an existing one is fine.
   *
   * @param deadLetterTopic the policy's topic, or null for no policy
   */
  static ProjectSubscriptionName subscription(
      PubSubTestResources pubsub,
      String subscriptionId,
      TopicName topic,
      Duration ackDeadline,
      boolean ordered,
      TopicName deadLetterTopic,
      int maxDeliveryAttempts) {
    ProjectSubscriptionName name = pubsub.subscriptionName(subscriptionId);
    Subscription.Builder request =
        Subscription.newBuilder()
            .setName(name.toString())
            .setTopic(topic.toString())
            .setAckDeadlineSeconds((int) ackDeadline.toSeconds())
            .setEnableMessageOrdering(ordered);
    if (deadLetterTopic != null) {
      request.setDeadLetterPolicy(
          DeadLetterPolicy.newBuilder()
              .setDeadLetterTopic(deadLetterTopic.toString())
              .setMaxDeliveryAttempts(maxDeliveryAttempts));
    }
    try (SubscriptionAdminClient admin =
        SubscriptionAdminClient.create(
            pubsub.connection().configure(SubscriptionAdminSettings.newBuilder()).build())) {
      admin.createSubscription(request.build());
    } catch (AlreadyExistsException e) {
      // created by an earlier run against the same emulator: keep it
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create subscription " + name, e);
    }
    return name;
  }
}
