package io.lagline.faults;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import io.lagline.event.Attributes;
import io.lagline.reconciler.deadletter.DeadLetterAttributes;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains a dead-letter subscription with synchronous pulls, acking what it reads, and keeps every
 * message's event id and {@code dlq_reason}.
 */
final class DeadLetterReader implements AutoCloseable {
  private static final int BATCH = 1_000;
  private static final Duration PULL_TIMEOUT = Duration.ofSeconds(3);

  private final SubscriberStub stub;
  private final String subscription;
  private final List<DeadLetter> read = new ArrayList<>();

  /**
   * One dead-lettered message.
   *
   * @param eventId its {@code event_id} attribute, or null
   * @param reason its {@code dlq_reason}, or {@code max_delivery_attempts} when Pub/Sub parked it
   */
  record DeadLetter(String eventId, String reason) {}

  DeadLetterReader(PubSubTestResources pubsub, ProjectSubscriptionName subscription) {
    this.subscription = subscription.toString();
    try {
      this.stub =
          GrpcSubscriberStub.create(
              pubsub.connection().configureStub(SubscriberStubSettings.newBuilder()).build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a subscriber stub", e);
    }
  }

  /** Pulls until a pull comes back empty; returns how many messages this call read. */
  int drain() {
    int before = read.size();
    while (pullOnce() > 0) {
      // keep pulling: the subscription is not empty yet
    }
    return read.size() - before;
  }

  /** Every message read so far. */
  List<DeadLetter> read() {
    return List.copyOf(read);
  }

  private int pullOnce() {
    PullResponse response;
    try {
      response =
          stub.pullCallable()
              .call(
                  PullRequest.newBuilder()
                      .setSubscription(subscription)
                      .setMaxMessages(BATCH)
                      .build(),
                  GrpcCallContext.createDefault().withTimeoutDuration(PULL_TIMEOUT));
    } catch (DeadlineExceededException e) {
      return 0; // nothing arrived while the pull waited
    }
    if (response.getReceivedMessagesCount() == 0) {
      return 0;
    }
    AcknowledgeRequest.Builder ack = AcknowledgeRequest.newBuilder().setSubscription(subscription);
    for (ReceivedMessage received : response.getReceivedMessagesList()) {
      var attributes = received.getMessage().getAttributesMap();
      read.add(
          new DeadLetter(
              attributes.get(Attributes.EVENT_ID), DeadLetterAttributes.reasonOf(attributes)));
      ack.addAckIds(received.getAckId());
    }
    stub.acknowledgeCallable().call(ack.build());
    return response.getReceivedMessagesCount();
  }

  @Override
  public void close() {
    stub.close();
  }
}
