package io.lagline.reconciler.provision;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.FieldMask;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import com.google.pubsub.v1.UpdateTopicRequest;
import io.lagline.config.ConfigKey;
import io.lagline.config.Durations;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.TopicRetention;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.provision.ProvisionStep.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes a {@link ProvisionPlan} true, idempotently: creates what is missing, updates the main
 * subscription's ack deadline, retry and dead-letter policies where they differ, raises the main
 * topic's message retention where it is shorter than wanted, and refuses a subscription attached to
 * another topic. Reads before it writes, so a run where everything exists needs only read
 * permissions.
 */
public final class Provisioner implements AutoCloseable {
  /** What Pub/Sub reports as the topic of a subscription whose topic was deleted. */
  static final String DELETED_TOPIC = "_deleted-topic_";

  private final TopicAdminClient topics;
  private final SubscriptionAdminClient subscriptions;

  Provisioner(TopicAdminClient topics, SubscriptionAdminClient subscriptions) {
    this.topics = topics;
    this.subscriptions = subscriptions;
  }

  /** Opens the admin clients over {@code connection}, which the caller closes after this. */
  public static Provisioner open(PubSubConnection connection) {
    TopicAdminSettings.Builder topicSettings =
        connection.configure(TopicAdminSettings.newBuilder());
    SubscriptionAdminSettings.Builder subscriptionSettings =
        connection.configure(SubscriptionAdminSettings.newBuilder());
    TopicAdminClient topics = null;
    try {
      topics = TopicAdminClient.create(topicSettings.build());
      return new Provisioner(topics, SubscriptionAdminClient.create(subscriptionSettings.build()));
    } catch (IOException e) {
      if (topics != null) {
        topics.close();
      }
      throw new LaglineException(
          "cannot create Pub/Sub admin clients for " + connection.target() + ": " + e.getMessage(),
          e);
    }
  }

  /** Applies the plan, reporting each resource to {@code report} as it is done. */
  public List<ProvisionStep> apply(ProvisionPlan plan, Consumer<ProvisionStep> report) {
    List<ProvisionStep> steps = new ArrayList<>();
    Consumer<ProvisionStep> done = steps::add;
    done = done.andThen(report);
    done.accept(mainTopic(plan.topic(), plan.topicRetention()));
    done.accept(topic(plan.deadLetterTopic(), ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC));
    done.accept(subscription(plan.subscription(), ReconcilerKey.PUBSUB_SUBSCRIPTION, true));
    if (plan.deadLetterSubscription() != null) {
      done.accept(
          subscription(
              plan.deadLetterSubscription(), ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION, false));
    }
    if (plan.auditSubscription() != null) {
      done.accept(subscription(plan.auditSubscription(), ReconcilerKey.AUDIT_SUBSCRIPTION, false));
    }
    if (plan.reconciledTopic() != null) {
      done.accept(topic(plan.reconciledTopic(), ReconcilerKey.PUBSUB_RECONCILED_TOPIC));
    }
    if (plan.reconciledSubscription() != null) {
      done.accept(
          subscription(
              plan.reconciledSubscription(), ReconcilerKey.PUBSUB_RECONCILED_SUBSCRIPTION, false));
    }
    return steps;
  }

  private ProvisionStep topic(String name, ConfigKey key) {
    try {
      topics.getTopic(name);
      return new ProvisionStep("topic", name, Status.EXISTS, "");
    } catch (NotFoundException missing) {
      // created below
    } catch (ApiException e) {
      throw failure("read topic " + name, key, e);
    }
    try {
      topics.createTopic(name);
      return new ProvisionStep("topic", name, Status.CREATED, "");
    } catch (AlreadyExistsException raced) {
      return new ProvisionStep("topic", name, Status.EXISTS, "");
    } catch (ApiException e) {
      throw failure("create topic " + name, key, e);
    }
  }

  /** The main topic, created with {@code retention} or raised to it (a longer one is kept). */
  private ProvisionStep mainTopic(String name, Duration retention) {
    ConfigKey key = ReconcilerKey.PUBSUB_TOPIC;
    Topic existing = findTopic(name, key);
    if (existing == null) {
      try {
        topics.createTopic(
            Topic.newBuilder()
                .setName(name)
                .setMessageRetentionDuration(TopicRetention.toProto(retention))
                .build());
        return new ProvisionStep(
            "topic", name, Status.CREATED, "message retention " + Durations.format(retention));
      } catch (AlreadyExistsException raced) {
        existing = findTopic(name, key);
      } catch (ApiException e) {
        throw failure("create topic " + name, key, e);
      }
      if (existing == null) {
        throw new LaglineException(
            "topic " + name + " was created and deleted meanwhile; run provision again");
      }
    }
    Optional<Duration> current = TopicRetention.of(existing);
    Optional<String> raise = TopicDrift.retention(current, retention);
    if (raise.isEmpty()) {
      return new ProvisionStep(
          "topic", name, Status.EXISTS, TopicDrift.longer(current, retention).orElse(""));
    }
    try {
      topics.updateTopic(
          UpdateTopicRequest.newBuilder()
              .setTopic(
                  Topic.newBuilder()
                      .setName(name)
                      .setMessageRetentionDuration(TopicRetention.toProto(retention)))
              .setUpdateMask(FieldMask.newBuilder().addPaths(TopicDrift.RETENTION_FIELD))
              .build());
    } catch (ApiException e) {
      throw failure("update topic " + name, ReconcilerKey.PUBSUB_TOPIC_RETENTION, e);
    }
    return new ProvisionStep("topic", name, Status.UPDATED, raise.get());
  }

  /** The topic, or null when it does not exist. */
  private Topic findTopic(String name, ConfigKey key) {
    try {
      return topics.getTopic(name);
    } catch (NotFoundException missing) {
      return null;
    } catch (ApiException e) {
      throw failure("read topic " + name, key, e);
    }
  }

  private ProvisionStep subscription(Subscription wanted, ConfigKey key, boolean update) {
    String name = wanted.getName();
    Subscription existing = find(name, key);
    if (existing == null) {
      try {
        subscriptions.createSubscription(wanted);
        return new ProvisionStep("subscription", name, Status.CREATED, "");
      } catch (AlreadyExistsException raced) {
        existing = find(name, key);
      } catch (ApiException e) {
        throw failure("create subscription " + name, key, e);
      }
      if (existing == null) {
        throw new LaglineException(
            "subscription " + name + " was created and deleted meanwhile; run provision again");
      }
    }
    if (!existing.getTopic().equals(wanted.getTopic())) {
      throw new LaglineException(
          key.path()
              + " = "
              + name
              + " exists but reads "
              + (existing.getTopic().equals(DELETED_TOPIC)
                  ? "a deleted topic"
                  : existing.getTopic())
              + ", not "
              + wanted.getTopic()
              + ": provision does not move a subscription; delete it, or point "
              + key.path()
              + " at a subscription of "
              + wanted.getTopic());
    }
    List<SubscriptionDrift.Change> changes =
        update ? SubscriptionDrift.between(existing, wanted) : List.of();
    if (changes.isEmpty()) {
      return new ProvisionStep("subscription", name, Status.EXISTS, "");
    }
    try {
      subscriptions.updateSubscription(
          UpdateSubscriptionRequest.newBuilder()
              .setSubscription(wanted)
              .setUpdateMask(
                  FieldMask.newBuilder()
                      .addAllPaths(changes.stream().map(SubscriptionDrift.Change::field).toList()))
              .build());
    } catch (ApiException e) {
      throw failure("update subscription " + name, key, e);
    }
    return new ProvisionStep(
        "subscription",
        name,
        Status.UPDATED,
        changes.stream()
            .map(SubscriptionDrift.Change::description)
            .collect(Collectors.joining(", ")));
  }

  /** The subscription, or null when it does not exist. */
  private Subscription find(String name, ConfigKey key) {
    try {
      return subscriptions.getSubscription(name);
    } catch (NotFoundException missing) {
      return null;
    } catch (ApiException e) {
      throw failure("read subscription " + name, key, e);
    }
  }

  private static LaglineException failure(String action, ConfigKey key, ApiException e) {
    String hint =
        e instanceof PermissionDeniedException
            ? "permission denied: the account needs roles/pubsub.editor ("
                + ReconcilerKey.PUBSUB_CREDENTIALS_FILE.path()
                + ")"
            : e.getStatusCode().getCode() + ": " + e.getMessage();
    return new LaglineException("cannot " + action + " (" + key.path() + "): " + hint, e);
  }

  @Override
  public void close() {
    topics.close();
    subscriptions.close();
  }
}
