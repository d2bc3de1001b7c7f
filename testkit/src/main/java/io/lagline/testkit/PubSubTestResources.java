package io.lagline.testkit;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.TransportChannelProvider;
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
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a Pub/Sub emulator over one plaintext gRPC channel without credentials, and creates or
 * deletes topics and subscriptions idempotently. Pass {@link #channelProvider()} and {@link
 * #credentialsProvider()} to a {@code Publisher} or {@code Subscriber} builder; they stay valid
 * until {@link #close()}, which closes the admin clients and shuts the channel down.
 */
public final class PubSubTestResources implements AutoCloseable {
  /** Ack deadline of subscriptions created without one. */
  public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(PubSubTestResources.class);
  private static final Duration CHANNEL_SHUTDOWN = Duration.ofSeconds(5);

  private final String emulatorHost;
  private final String projectId;
  private final ManagedChannel channel;
  private final TransportChannelProvider channelProvider;
  private final CredentialsProvider credentialsProvider = NoCredentialsProvider.create();
  private TopicAdminClient topicAdmin;
  private SubscriptionAdminClient subscriptionAdmin;

  private PubSubTestResources(String emulatorHost, String projectId) {
    this.emulatorHost = emulatorHost;
    this.projectId = projectId;
    // gRPC's default inbound limit (4 MiB) is below Pub/Sub's 10 MB messages
    this.channel =
        ManagedChannelBuilder.forTarget(emulatorHost)
            .usePlaintext()
            .maxInboundMessageSize(20 * 1024 * 1024)
            .build();
    this.channelProvider =
        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  /**
   * Opens a plaintext channel to the emulator.
   *
   * @param emulatorHost {@code host:port}, as in {@code PUBSUB_EMULATOR_HOST}
   */
  public static PubSubTestResources connect(String emulatorHost, String projectId) {
    return new PubSubTestResources(emulatorHost, projectId);
  }

  /** Connects to the emulator of a running stack. */
  public static PubSubTestResources connect(LocalStack stack) {
    return connect(stack.pubsubEmulatorHost(), stack.projectId());
  }

  public String emulatorHost() {
    return emulatorHost;
  }

  public String projectId() {
    return projectId;
  }

  /** A provider of this object's plaintext channel; the clients that use it do not close it. */
  public TransportChannelProvider channelProvider() {
    return channelProvider;
  }

  /** No credentials: the emulator accepts any request. */
  public CredentialsProvider credentialsProvider() {
    return credentialsProvider;
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
    channel.shutdown();
    try {
      if (!channel.awaitTermination(CHANNEL_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private TopicAdminClient topicAdmin() {
    if (topicAdmin == null) {
      try {
        topicAdmin =
            TopicAdminClient.create(
                TopicAdminSettings.newBuilder()
                    .setTransportChannelProvider(channelProvider)
                    .setCredentialsProvider(credentialsProvider)
                    .build());
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
                SubscriptionAdminSettings.newBuilder()
                    .setTransportChannelProvider(channelProvider)
                    .setCredentialsProvider(credentialsProvider)
                    .build());
      } catch (IOException e) {
        throw new TestkitException(
            "could not create a subscription admin client for " + emulatorHost, e);
      }
    }
    return subscriptionAdmin;
  }
}
