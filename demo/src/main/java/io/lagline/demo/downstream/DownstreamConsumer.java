package io.lagline.demo.downstream;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.common.util.concurrent.MoreExecutors;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downstream service as the demo plays it: a subscriber of its own that, for each event it hears
 * of, reads the event's row from Cassandra and counts whether the row already shows it ({@link
 * DownstreamReceiver}). On the raw topic it races the reconciler; on the reconciled topic it should
 * never lose.
 */
final class DownstreamConsumer implements AutoCloseable {
  /** Messages the subscriber holds unacked at most. */
  static final long MAX_OUTSTANDING_MESSAGES = 1_000;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(DownstreamConsumer.class);

  private final String subscription;
  private final DownstreamReceiver receiver;
  private final Subscriber subscriber;

  private DownstreamConsumer(
      String subscription, DownstreamReceiver receiver, Subscriber subscriber) {
    this.subscription = subscription;
    this.receiver = receiver;
    this.subscriber = subscriber;
  }

  /**
   * Starts pulling {@code subscription} (a full name) with one stream and one callback thread.
   *
   * @param awaited event ids expected on the subscription, for {@link #missing()}
   */
  static DownstreamConsumer start(
      PubSubConnection connection,
      String subscription,
      DeviceRows rows,
      Collection<String> awaited) {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, awaited);
    Subscriber.Builder builder =
        Subscriber.newBuilder(subscription, receiver)
            .setParallelPullCount(1)
            .setFlowControlSettings(
                FlowControlSettings.newBuilder()
                    .setMaxOutstandingElementCount(MAX_OUTSTANDING_MESSAGES)
                    .setLimitExceededBehavior(LimitExceededBehavior.Block)
                    .build())
            .setExecutorProvider(
                InstantiatingExecutorProvider.newBuilder().setExecutorThreadCount(1).build());
    Subscriber subscriber = connection.configure(builder).build();
    subscriber.addListener(
        new ApiService.Listener() {
          @Override
          public void failed(ApiService.State from, Throwable failure) {
            LOG.error("downstream consumer of {} failed: {}", subscription, failure.toString());
          }
        },
        MoreExecutors.directExecutor());
    subscriber.startAsync().awaitRunning();
    LOG.info("downstream consumer reading {}", subscription);
    return new DownstreamConsumer(subscription, receiver, subscriber);
  }

  /** The reads so far. */
  DownstreamCounts counts() {
    return receiver.counts();
  }

  /** Awaited event ids not read yet. */
  int missing() {
    return receiver.missing();
  }

  /** Stops pulling; reads in flight finish and are acked first. */
  @Override
  public void close() {
    try {
      subscriber.stopAsync().awaitTerminated(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("downstream consumer of {} did not stop within {}", subscription, STOP_TIMEOUT);
    } catch (IllegalStateException failed) {
      // already failed, and logged by the listener
    }
  }
}
