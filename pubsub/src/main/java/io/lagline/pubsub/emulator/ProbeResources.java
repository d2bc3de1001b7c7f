package io.lagline.pubsub.emulator;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.cloud.pubsub.v1.stub.GrpcPublisherStub;
import com.google.cloud.pubsub.v1.stub.PublisherStub;
import com.google.cloud.pubsub.v1.stub.PublisherStubSettings;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.DeleteSubscriptionRequest;
import com.google.pubsub.v1.DeleteTopicRequest;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PullStubs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away topic and subscription with the stubs to use them, for {@link EmulatorStreamCheck};
 * {@link #close()} deletes both.
 */
final class ProbeResources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeResources.class);
  private static final Duration PULL_WAIT = Duration.ofSeconds(1);

  private final String topic;
  private final String subscription;
  private final PublisherStub publisher;
  private final SubscriberStub subscriber;

  private ProbeResources(
      String topic, String subscription, PublisherStub publisher, SubscriberStub subscriber) {
    this.topic = topic;
    this.subscription = subscription;
    this.publisher = publisher;
    this.subscriber = subscriber;
  }

  static ProbeResources create(PubSubConnection connection, String topic, String subscription) {
    PublisherStub publisher = null;
    SubscriberStub subscriber = null;
    try {
      publisher =
          GrpcPublisherStub.create(
              connection.configureStub(PublisherStubSettings.newBuilder()).build());
      subscriber = PullStubs.create(connection, subscription, PULL_WAIT);
      publisher.createTopicCallable().call(Topic.newBuilder().setName(topic).build());
      subscriber
          .createSubscriptionCallable()
          .call(
              Subscription.newBuilder()
                  .setName(subscription)
                  .setTopic(topic)
                  .setAckDeadlineSeconds(EmulatorStreamCheck.ACK_DEADLINE_SECONDS)
                  .build());
      return new ProbeResources(topic, subscription, publisher, subscriber);
    } catch (IOException | ApiException e) {
      new ProbeResources(topic, subscription, publisher, subscriber).close();
      throw new LaglineException(
          "cannot check the Pub/Sub emulator at "
              + connection.emulatorHost().orElse("?")
              + " with a test topic "
              + topic
              + ": "
              + e.getMessage()
              + " ("
              + connection.names().emulatorHost()
              + ")",
          e);
    }
  }

  String subscription() {
    return subscription;
  }

  SubscriberStub subscriber() {
    return subscriber;
  }

  /** Publishes probe number {@code index} alone and waits for Pub/Sub to confirm it. */
  void publish(int index) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFromUtf8("lagline emulator check " + index))
            .build();
    publisher
        .publishCallable()
        .call(PublishRequest.newBuilder().setTopic(topic).addMessages(message).build());
  }

  /**
   * The ids of what one pull returned (at most {@code max}), acked; empty when nothing was there or
   * the pull timed out.
   */
  @SuppressWarnings("deprecation") // returnImmediately: deprecated for real Pub/Sub, honoured here
  List<String> pullAndAck(int max) {
    // a pull left waiting on the server would compete with the dead streams for the probes
    PullRequest request =
        PullRequest.newBuilder()
            .setSubscription(subscription)
            .setMaxMessages(max)
            .setReturnImmediately(true)
            .build();
    PullResponse response;
    try {
      response = subscriber.pullCallable().call(request);
    } catch (DeadlineExceededException e) {
      return List.of();
    }
    if (response.getReceivedMessagesCount() == 0) {
      return List.of();
    }
    AcknowledgeRequest.Builder ack = AcknowledgeRequest.newBuilder().setSubscription(subscription);
    response.getReceivedMessagesList().forEach(m -> ack.addAckIds(m.getAckId()));
    subscriber.acknowledgeCallable().call(ack.build());
    return response.getReceivedMessagesList().stream()
        .map(m -> m.getMessage().getMessageId())
        .toList();
  }

  @Override
  public void close() {
    try {
      if (subscriber != null) {
        subscriber
            .deleteSubscriptionCallable()
            .call(DeleteSubscriptionRequest.newBuilder().setSubscription(subscription).build());
      }
      if (publisher != null) {
        publisher
            .deleteTopicCallable()
            .call(DeleteTopicRequest.newBuilder().setTopic(topic).build());
      }
    } catch (ApiException e) {
      LOG.debug("could not delete the emulator check's {}: {}", topic, e.toString());
    } finally {
      if (subscriber != null) {
        subscriber.close();
      }
      if (publisher != null) {
        publisher.close();
      }
    }
  }
}
