package io.lagline.pubsub.republish;

import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.config.ConfigKey;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Republisher} over the client's {@link Publisher}, with bounded flow control (the caller
 * blocks at {@link #MAX_OUTSTANDING_MESSAGES} unconfirmed publishes) and a bounded publish timeout.
 * Raw data and attributes are republished as they are, so it does not go through the producer's
 * event validation.
 */
public final class TopicRepublisher implements Republisher {
  /** Unconfirmed publishes at most; {@code publish} blocks beyond. */
  public static final long MAX_OUTSTANDING_MESSAGES = 1_000;

  /** Unconfirmed bytes at most: 64 MiB. */
  public static final long MAX_OUTSTANDING_BYTES = 64L * 1024 * 1024;

  /** Messages that make a batch: Pub/Sub's per-request limit is 1000. */
  public static final long BATCH_MESSAGES = 100;

  /** Bytes that make a batch. */
  public static final long BATCH_BYTES = 1024L * 1024;

  /** Longest a message waits for its batch to fill. */
  public static final Duration BATCH_DELAY = Duration.ofMillis(10);

  /** Longest one publish may take, retries included. */
  public static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

  /** Longest {@link #close()} waits for the client to stop. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Publisher publisher;
  private final String topic;

  private TopicRepublisher(Publisher publisher, String topic) {
    this.publisher = publisher;
    this.topic = topic;
  }

  /**
   * A publisher to {@code topic} over {@code connection}, which the caller closes after this;
   * {@code key} is the config key named when it cannot be created.
   */
  public static TopicRepublisher create(PubSubConnection connection, String topic, ConfigKey key) {
    return create(connection, topic, key, false);
  }

  /**
   * As {@link #create(PubSubConnection, String, ConfigKey)}; with {@code ordering}, messages that
   * carry an ordering key are published in order per key.
   */
  public static TopicRepublisher create(
      PubSubConnection connection, String topic, ConfigKey key, boolean ordering) {
    return create(
        connection, topic, key, ordering, MAX_OUTSTANDING_MESSAGES, MAX_OUTSTANDING_BYTES);
  }

  /**
   * As {@link #create(PubSubConnection, String, ConfigKey, boolean)}, blocking beyond {@code
   * maxOutstandingMessages} unconfirmed publishes or {@code maxOutstandingBytes}.
   */
  public static TopicRepublisher create(
      PubSubConnection connection,
      String topic,
      ConfigKey key,
      boolean ordering,
      long maxOutstandingMessages,
      long maxOutstandingBytes) {
    Publisher.Builder builder =
        Publisher.newBuilder(topic)
            .setEnableMessageOrdering(ordering)
            .setBatchingSettings(
                BatchingSettings.newBuilder()
                    .setElementCountThreshold(BATCH_MESSAGES)
                    .setRequestByteThreshold(BATCH_BYTES)
                    .setDelayThresholdDuration(BATCH_DELAY)
                    .setFlowControlSettings(
                        FlowControlSettings.newBuilder()
                            .setMaxOutstandingElementCount(maxOutstandingMessages)
                            .setMaxOutstandingRequestBytes(maxOutstandingBytes)
                            .setLimitExceededBehavior(LimitExceededBehavior.Block)
                            .build())
                    .build())
            .setRetrySettings(
                RetrySettings.newBuilder()
                    .setTotalTimeoutDuration(PUBLISH_TIMEOUT)
                    .setInitialRetryDelayDuration(Duration.ofMillis(100))
                    .setRetryDelayMultiplier(2.0)
                    .setMaxRetryDelayDuration(Duration.ofSeconds(10))
                    .setInitialRpcTimeoutDuration(Duration.ofSeconds(15))
                    .setRpcTimeoutMultiplier(1.0)
                    .setMaxRpcTimeoutDuration(Duration.ofSeconds(15))
                    .build());
    try {
      return new TopicRepublisher(connection.configure(builder).build(), topic);
    } catch (IOException e) {
      throw new LaglineException(
          "cannot create a publisher for " + topic + " (" + key.path() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<String> publish(PubsubMessage message) {
    CompletableFuture<String> result = new CompletableFuture<>();
    ApiFutures.addCallback(
        publisher.publish(message),
        new ApiFutureCallback<>() {
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
  public void resumeOrdering(String orderingKey) {
    publisher.resumePublish(orderingKey);
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    publisher.shutdown();
    try {
      publisher.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
