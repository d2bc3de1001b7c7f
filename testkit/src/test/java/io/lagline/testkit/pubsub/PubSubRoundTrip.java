package io.lagline.testkit.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes one message with a real, flow-controlled Publisher and pulls it back with a real
 * Subscriber.
 */
public final class PubSubRoundTrip {
  private static final long MAX_OUTSTANDING_MESSAGES = 100;
  private static final long MAX_OUTSTANDING_BYTES = 1024 * 1024;

  private PubSubRoundTrip() {}

  public static void publishAndPullOne(
      PubSubTestResources pubsub, String topicId, String subscriptionId) throws Exception {
    pubsub.createTopic(topicId);
    pubsub.createSubscription(subscriptionId, topicId);
    try {
      String messageId = publish(pubsub, topicId);

      PubsubMessage received = pullOne(pubsub, subscriptionId);

      assertThat(received.getMessageId()).isEqualTo(messageId);
      assertThat(received.getData().toStringUtf8()).isEqualTo("{\"entity\":\"e-1\",\"version\":1}");
      assertThat(received.getAttributesMap()).containsEntry("event-id", "ev-1");
    } finally {
      pubsub.deleteSubscription(subscriptionId);
      pubsub.deleteTopic(topicId);
    }
  }

  private static String publish(PubSubTestResources pubsub, String topicId) throws Exception {
    FlowControlSettings flowControl =
        FlowControlSettings.newBuilder()
            .setMaxOutstandingElementCount(MAX_OUTSTANDING_MESSAGES)
            .setMaxOutstandingRequestBytes(MAX_OUTSTANDING_BYTES)
            .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block)
            .build();
    Publisher publisher =
        pubsub
            .connection()
            .configure(Publisher.newBuilder(pubsub.topicName(topicId)))
            .setBatchingSettings(
                BatchingSettings.newBuilder()
                    .setElementCountThreshold(10L)
                    .setRequestByteThreshold(64L * 1024)
                    .setDelayThresholdDuration(Duration.ofMillis(10))
                    .setFlowControlSettings(flowControl)
                    .build())
            .build();
    try {
      PubsubMessage message =
          PubsubMessage.newBuilder()
              .setData(ByteString.copyFromUtf8("{\"entity\":\"e-1\",\"version\":1}"))
              .putAttributes("event-id", "ev-1")
              .build();
      return publisher.publish(message).get(30, TimeUnit.SECONDS);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static PubsubMessage pullOne(PubSubTestResources pubsub, String subscriptionId)
      throws Exception {
    BlockingQueue<PubsubMessage> received = new LinkedBlockingQueue<>();
    MessageReceiver receiver =
        (message, consumer) -> {
          received.add(message);
          consumer.ack();
        };
    Subscriber subscriber =
        pubsub
            .connection()
            .configure(Subscriber.newBuilder(pubsub.subscriptionName(subscriptionId), receiver))
            .setParallelPullCount(1)
            .setFlowControlSettings(
                FlowControlSettings.newBuilder()
                    .setMaxOutstandingElementCount(MAX_OUTSTANDING_MESSAGES)
                    .setMaxOutstandingRequestBytes(MAX_OUTSTANDING_BYTES)
                    .build())
            .build();
    subscriber.startAsync().awaitRunning(30, TimeUnit.SECONDS);
    try {
      PubsubMessage message = received.poll(60, TimeUnit.SECONDS);
      assertThat(message).as("a message within 60 s").isNotNull();
      return message;
    } finally {
      subscriber.stopAsync().awaitTerminated(30, TimeUnit.SECONDS);
    }
  }
}
