package io.lagline.testkit.pubsub;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.ListTopicsRequest;
import com.google.pubsub.v1.ProjectName;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.lagline.event.PubSubLimits;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a Pub/Sub emulator over Lagline's own {@link PubSubConnection} (one plaintext gRPC
 * channel without credentials, accepting messages up to {@link
 * PubSubLimits#MAX_INBOUND_MESSAGE_BYTES}), and creates or deletes topics and subscriptions
 * idempotently. Configure a {@code Publisher} or {@code Subscriber} builder with {@link
 * #connection()}; it stays valid until {@link #close()}, which closes the admin clients and the
 * channel.
 */
public final class PubSubTestResources implements AutoCloseable {
  /** Ack deadline of subscriptions created without one. */
  public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(PubSubTestResources.class);

  private final String emulatorHost;
  private final String projectId;
  private final PubSubConnection connection;
  private TopicAdminClient topicAdmin;
  private SubscriptionAdminClient subscriptionAdmin;

  private PubSubTestResources(String emulatorHost, String projectId) {
    this.emulatorHost = emulatorHost;
    this.projectId = projectId;
    this.connection = PubSubConnection.emulator(emulatorHost);
  }

  /**
   * Opens a plaintext channel to the emulator.
   *
   * @param emulatorHost {@code host:port}, as in {@code PUBSUB_EMULATOR_HOST}
   */
  public static PubSubTestResources connect(String emulatorHost, String projectId) {
    return new PubSubTestResources(emulatorHost, projectId);
  }

  public String emulatorHost() {
    return emulatorHost;
  }

  public String projectId() {
    return projectId;
  }

  /** The connection to the emulator; the clients that use it do not close it. */
  public PubSubConnection connection() {
    return connection;
  }

  public TopicName topicName(String topicId) {
    return TopicName.of(projectId, topicId);
  }

  public ProjectSubscriptionName subscriptionName(String subscriptionId) {
    return ProjectSubscriptionName.of(projectId, subscriptionId);
  }

  /** Creates the topic; an existing topic is fine. */
  public synchronized TopicName createTopic(String topicId) {
    TopicName topic = topicName(topicId);
    try {
      topicAdmin().createTopic(topic);
      LOG.debug("created topic {}", topic);
    } catch (AlreadyExistsException e) {
      LOG.debug("topic {} already exists", topic);
    }
    return topic;
  }

  /**
   * Creates the topic keeping its messages, acknowledged ones included, for {@code retention}, so a
   * subscription can be sought back within it; an existing topic is fine. The retention is set at
   * creation: the emulator (Cloud SDK 528) stores a retention set later by an update but keeps no
   * message for it.
   */
  public synchronized TopicName createTopic(String topicId, java.time.Duration retention) {
    TopicName topic = topicName(topicId);
    try {
      topicAdmin()
          .createTopic(
              com.google.pubsub.v1.Topic.newBuilder()
                  .setName(topic.toString())
                  .setMessageRetentionDuration(
                      com.google.protobuf.Duration.newBuilder().setSeconds(retention.toSeconds()))
                  .build());
      LOG.debug("created topic {} retaining messages for {}", topic, retention);
    } catch (AlreadyExistsException e) {
      LOG.debug("topic {} already exists", topic);
    }
    return topic;
  }

  /**
   * Creates a pull subscription with the {@link #DEFAULT_ACK_DEADLINE}; an existing one is fine.
   */
  public ProjectSubscriptionName createSubscription(String subscriptionId, String topicId) {
    return createSubscription(subscriptionId, topicId, DEFAULT_ACK_DEADLINE);
  }

  /**
   * Creates a pull subscription; an existing one is fine (and keeps its settings).
   *
   * @param ackDeadline 10 s to 600 s, whole seconds
   */
  public synchronized ProjectSubscriptionName createSubscription(
      String subscriptionId, String topicId, Duration ackDeadline) {
    long seconds = ackDeadline.toSeconds();
    if (seconds < 10 || seconds > 600) {
      throw new IllegalArgumentException(
          "ackDeadline must be between 10 s and 600 s, was " + ackDeadline);
    }
    ProjectSubscriptionName subscription = subscriptionName(subscriptionId);
    Subscription request =
        Subscription.newBuilder()
            .setName(subscription.toString())
            .setTopic(topicName(topicId).toString())
            .setAckDeadlineSeconds((int) seconds)
            .build();
    try {
      subscriptionAdmin().createSubscription(request);
      LOG.debug("created subscription {} on topic {}", subscription, topicId);
    } catch (AlreadyExistsException e) {
      LOG.debug("subscription {} already exists", subscription);
    }
    return subscription;
  }

  /** Deletes the subscription; a missing one is fine. */
  public synchronized void deleteSubscription(String subscriptionId) {
    try {
      subscriptionAdmin().deleteSubscription(SubscriptionName.of(projectId, subscriptionId));
    } catch (NotFoundException e) {
      LOG.debug("subscription {} did not exist", subscriptionId);
    }
  }

  /** Deletes the topic; a missing one is fine. Its subscriptions stay, detached. */
  public synchronized void deleteTopic(String topicId) {
    try {
      topicAdmin().deleteTopic(topicName(topicId));
    } catch (NotFoundException e) {
      LOG.debug("topic {} did not exist", topicId);
    }
  }

  /** One bounded ListTopics call; the emulator readiness check. */
  synchronized void listTopics(Duration timeout) {
    ListTopicsRequest request =
        ListTopicsRequest.newBuilder()
            .setProject(ProjectName.of(projectId).toString())
            .setPageSize(1)
            .build();
    topicAdmin()
        .listTopicsCallable()
        .call(request, GrpcCallContext.createDefault().withTimeoutDuration(timeout));
  }

  @Override
  public synchronized void close() {
    if (topicAdmin != null) {
      topicAdmin.close();
    }
    if (subscriptionAdmin != null) {
      subscriptionAdmin.close();
    }
    connection.close();
  }

  private TopicAdminClient topicAdmin() {
    if (topicAdmin == null) {
      try {
        topicAdmin =
            TopicAdminClient.create(connection.configure(TopicAdminSettings.newBuilder()).build());
      } catch (IOException e) {
        throw new TestkitException("could not create a topic admin client for " + emulatorHost, e);
      }
    }
    return topicAdmin;
  }

  private SubscriptionAdminClient subscriptionAdmin() {
    if (subscriptionAdmin == null) {
      try {
        subscriptionAdmin =
            SubscriptionAdminClient.create(
                connection.configure(SubscriptionAdminSettings.newBuilder()).build());
      } catch (IOException e) {
        throw new TestkitException(
            "could not create a subscription admin client for " + emulatorHost, e);
      }
    }
    return subscriptionAdmin;
  }
}
