package io.lagline.reconciler.intake;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.common.util.concurrent.MoreExecutors;
import io.lagline.error.LaglineException;
import io.lagline.producer.publish.PubSubConnection;
import io.lagline.producer.publish.PubSubConnectionException;
import io.lagline.reconciler.config.PubSubConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming-pull side: a google-cloud-pubsub {@link Subscriber} with bounded flow control (the
 * messages it holds unacked are the reconciler's in-flight work, so this is its back pressure) and
 * a bounded ack-deadline extension. Checks at start that the subscription exists, so a typo fails
 * fast with the key to fix.
 */
public final class PubSubIntake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubIntake.class);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);

  private final PubSubConfig config;
  private final PubSubConnection channels;
  private final Subscriber subscriber;

  private PubSubIntake(PubSubConfig config, PubSubConnection channels, Subscriber subscriber) {
    this.config = config;
    this.channels = channels;
    this.subscriber = subscriber;
  }

  /**
   * Checks the subscription and starts pulling into {@code receiver}.
   *
   * @throws LaglineException naming the cause and the key to fix when Pub/Sub is unreachable or the
   *     subscription does not exist
   */
  public static PubSubIntake start(
      PubSubConfig config,
      MessageReceiver receiver,
      java.util.function.Consumer<Throwable> onFailure) {
    PubSubConnection channels;
    try {
      channels = PubSubConnection.create(config.emulatorHost(), config.credentialsFile());
    } catch (PubSubConnectionException e) {
      throw new LaglineException(
          e.getMessage() + " (reconciler keys: pubsub.emulator-host, pubsub.credentials-file)", e);
    }
    try {
      checkSubscription(config, channels);
      Subscriber.Builder builder =
          Subscriber.newBuilder(config.subscription(), receiver)
              .setParallelPullCount(config.parallelPullCount())
              .setMaxAckExtensionPeriodDuration(config.maxAckExtension())
              .setFlowControlSettings(
                  FlowControlSettings.newBuilder()
                      .setMaxOutstandingElementCount(config.maxOutstandingMessages())
                      .setMaxOutstandingRequestBytes(config.maxOutstandingBytes())
                      .setLimitExceededBehavior(LimitExceededBehavior.Block)
                      .build())
              .setExecutorProvider(
                  InstantiatingExecutorProvider.newBuilder()
                      .setExecutorThreadCount(config.executorThreads())
                      .build());
      channels.channelProvider().ifPresent(builder::setChannelProvider);
      builder.setCredentialsProvider(channels.credentialsProvider());
      Subscriber subscriber = builder.build();
      subscriber.addListener(
          new ApiService.Listener() {
            @Override
            public void failed(ApiService.State from, Throwable failure) {
              LOG.error(
                  "subscriber for {} failed (was {}): {}",
                  config.subscription(),
                  from,
                  failure.toString());
              onFailure.accept(failure);
            }
          },
          MoreExecutors.directExecutor());
      subscriber.startAsync().awaitRunning();
      LOG.info(
          "pulling {} with {} stream(s), at most {} messages / {} bytes outstanding",
          config.subscription(),
          config.parallelPullCount(),
          config.maxOutstandingMessages(),
          config.maxOutstandingBytes());
      return new PubSubIntake(config, channels, subscriber);
    } catch (RuntimeException e) {
      channels.close();
      throw e;
    }
  }

  private static void checkSubscription(PubSubConfig config, PubSubConnection channels) {
    SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder();
    channels.channelProvider().ifPresent(settings::setTransportChannelProvider);
    settings.setCredentialsProvider(channels.credentialsProvider());
    String where =
        config.emulatorHost() != null
            ? "the emulator at " + config.emulatorHost()
            : "Google Cloud Pub/Sub";
    try (SubscriptionAdminClient admin = SubscriptionAdminClient.create(settings.build())) {
      admin
          .getSubscriptionCallable()
          .futureCall(
              com.google.pubsub.v1.GetSubscriptionRequest.newBuilder()
                  .setSubscription(config.subscription())
                  .build())
          .get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException api
          && api.getStatusCode().getCode() == StatusCode.Code.NOT_FOUND) {
        throw new LaglineException(
            "subscription "
                + config.subscription()
                + " does not exist in "
                + where
                + ": create it (topic and subscription) or fix pubsub.subscription");
      }
      throw new LaglineException(
          "cannot check subscription "
              + config.subscription()
              + " in "
              + where
              + ": "
              + e.getCause()
              + " (check pubsub.emulator-host / pubsub.credentials-file and the network)",
          e.getCause());
    } catch (TimeoutException e) {
      throw new LaglineException(
          "no answer from "
              + where
              + " within "
              + CHECK_TIMEOUT.toSeconds()
              + " s: is it running and reachable? (pubsub.emulator-host / network)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaglineException("interrupted while checking the subscription");
    } catch (IOException e) {
      throw new LaglineException("cannot create a Pub/Sub admin client: " + e.getMessage(), e);
    }
  }

  /** True while the subscriber is pulling. */
  public boolean isRunning() {
    return subscriber.isRunning();
  }

  /**
   * Stops pulling and waits up to {@code timeout} for messages in flight to be replied to; what is
   * still unreplied afterwards is redelivered by Pub/Sub once its deadline passes.
   */
  public void stop(Duration timeout) {
    subscriber.stopAsync();
    try {
      subscriber.awaitTerminated(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "subscriber did not stop within {}; unreplied messages will be redelivered", timeout);
    } catch (IllegalStateException e) {
      LOG.debug("subscriber had already failed", e);
    }
    channels.close();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
