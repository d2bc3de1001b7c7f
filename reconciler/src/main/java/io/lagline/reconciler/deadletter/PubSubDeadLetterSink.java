package io.lagline.reconciler.deadletter;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.error.LaglineException;
import io.lagline.producer.publish.PubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes poison messages to the dead-letter topic with a Pub/Sub {@link Publisher}: bounded flow
 * control (poison is rare; a flood of it must not exhaust memory), small batches, and the client's
 * own retries for transient errors.
 */
public final class PubSubDeadLetterSink implements DeadLetterSink {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubDeadLetterSink.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Publisher publisher;
  private final String subscription;

  private PubSubDeadLetterSink(Publisher publisher, String subscription) {
    this.publisher = publisher;
    this.subscription = subscription;
  }

  /**
   * A sink publishing to {@code topic} over {@code connection} (kept open by the caller).
   *
   * @param subscription the subscription poison is taken from, recorded in {@code dlq_subscription}
   */
  public static PubSubDeadLetterSink create(
      String topic, String subscription, PubSubConnection connection) {
    Publisher.Builder builder =
        Publisher.newBuilder(topic)
            .setBatchingSettings(
                BatchingSettings.newBuilder()
                    .setElementCountThreshold(100L)
                    .setRequestByteThreshold(1024L * 1024)
                    .setDelayThresholdDuration(Duration.ofMillis(5))
                    .setFlowControlSettings(
                        FlowControlSettings.newBuilder()
                            .setMaxOutstandingElementCount(1_000L)
                            .setMaxOutstandingRequestBytes(64L * 1024 * 1024)
                            .setLimitExceededBehavior(LimitExceededBehavior.Block)
                            .build())
                    .build());
    connection.channelProvider().ifPresent(builder::setChannelProvider);
    builder.setCredentialsProvider(connection.credentialsProvider());
    try {
      return new PubSubDeadLetterSink(builder.build(), subscription);
    } catch (IOException e) {
      throw new LaglineException(
          "cannot create the dead-letter publisher for "
              + topic
              + ": "
              + e.getMessage()
              + " (pubsub.dead-letter.topic, pubsub.credentials-file)",
          e);
    }
  }

  @Override
  public CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen) {
    PubsubMessage parked =
        PubsubMessage.newBuilder()
            .setData(message.getData())
            .putAllAttributes(message.getAttributesMap())
            .putAttributes(DeadLetterAttributes.REASON, reason)
            .putAttributes(DeadLetterAttributes.DETAIL, DeadLetterAttributes.fit(detail))
            .putAttributes(DeadLetterAttributes.SUBSCRIPTION, subscription)
            .putAttributes(DeadLetterAttributes.FIRST_SEEN, firstSeen.toString())
            .putAttributes(DeadLetterAttributes.ORIGINAL_MESSAGE_ID, message.getMessageId())
            .build();
    CompletableFuture<String> result = new CompletableFuture<>();
    ApiFuture<String> published;
    try {
      published = publisher.publish(parked);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ApiFutures.addCallback(
        published,
        new ApiFutureCallback<String>() {
          @Override
          public void onSuccess(String messageId) {
            result.complete(messageId);
          }

          @Override
          public void onFailure(Throwable t) {
            result.completeExceptionally(t);
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  @Override
  public void close() {
    publisher.shutdown();
    try {
      if (!publisher.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("dead-letter publisher did not finish within {}", CLOSE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
