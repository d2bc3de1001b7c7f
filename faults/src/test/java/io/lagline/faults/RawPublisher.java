package io.lagline.faults;

import com.google.api.core.ApiFuture;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.TopicName;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes messages with a plain google-cloud-pubsub {@link Publisher}, not the producer library,
 * which would refuse the poison: bounded flow control (publishing blocks rather than buffering
 * without limit), small batches, and optionally ordering keys.
 */
final class RawPublisher {
  static final long MAX_OUTSTANDING_MESSAGES = 1_000;
  static final long MAX_OUTSTANDING_BYTES = 10L * 1024 * 1024;
  private static final Duration CONFIRM_TIMEOUT = Duration.ofMinutes(3);

  private RawPublisher() {}

  /**
   * Publishes every message in order and waits until Pub/Sub confirmed them all.
   *
   * @param ordered set each message's ordering key to its entity key
   * @param confirmed counts confirmed publishes as they happen
   * @return how many messages were published
   */
  static int publish(
      PubSubTestResources pubsub,
      TopicName topic,
      List<OutboundMessage> messages,
      boolean ordered,
      AtomicInteger confirmed)
      throws InterruptedException {
    Publisher publisher = build(pubsub, topic, ordered);
    try {
      List<ApiFuture<String>> receipts = new ArrayList<>(messages.size());
      for (OutboundMessage message : messages) {
        ApiFuture<String> receipt = publisher.publish(message.toPubsub(ordered));
        receipt.addListener(confirmed::incrementAndGet, Runnable::run);
        receipts.add(receipt);
      }
      for (ApiFuture<String> receipt : receipts) {
        receipt.get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      return receipts.size();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("publishing to " + topic + " failed: " + e, e);
    } finally {
      publisher.shutdown();
      publisher.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static Publisher build(PubSubTestResources pubsub, TopicName topic, boolean ordered) {
    try {
      return pubsub
          .connection()
          .configure(Publisher.newBuilder(topic))
          .setEnableMessageOrdering(ordered)
          .setBatchingSettings(
              BatchingSettings.newBuilder()
                  .setElementCountThreshold(100L)
                  .setRequestByteThreshold(1_000_000L)
                  .setDelayThresholdDuration(Duration.ofMillis(10))
                  .setFlowControlSettings(
                      FlowControlSettings.newBuilder()
                          .setMaxOutstandingElementCount(MAX_OUTSTANDING_MESSAGES)
                          .setMaxOutstandingRequestBytes(MAX_OUTSTANDING_BYTES)
                          .setLimitExceededBehavior(LimitExceededBehavior.Block)
                          .build())
                  .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a publisher for " + topic, e);
    }
  }
}
