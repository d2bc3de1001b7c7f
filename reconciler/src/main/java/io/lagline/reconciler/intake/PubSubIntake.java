package io.lagline.reconciler.intake;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ClientInterceptor;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.PubSubConnectionException;
import io.lagline.pubsub.SettingNames;
import io.lagline.pubsub.admin.PubSubChecks;
import io.lagline.pubsub.emulator.EmulatorStreamCheck;
import io.lagline.reconciler.config.PubSubConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Duration;
import java.util.List;
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

  /** The reconciler's names of the two connection settings, for messages about the connection. */
  static final SettingNames SETTING_NAMES =
      new SettingNames(
          ReconcilerKey.PUBSUB_EMULATOR_HOST.path(), ReconcilerKey.PUBSUB_CREDENTIALS_FILE.path());

  private final Subscriber subscriber;

  private PubSubIntake(Subscriber subscriber) {
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
      PubSubConnection channels,
      MessageReceiver receiver,
      java.util.function.Consumer<Throwable> onFailure) {
    PubSubChecks.subscriptionExists(
        channels, config.subscription(), ReconcilerKey.PUBSUB_SUBSCRIPTION);
    EmulatorStreamCheck.verify(channels, config.subscription());
    Subscriber.Builder builder =
        Subscriber.newBuilder(config.subscription(), receiver)
            .setParallelPullCount(config.parallelPullCount())
            .setMaxAckExtensionPeriodDuration(config.maxAckExtension())
            // without a cap the client renews leases by its p99 processing time, up to 10 min: a
            // crashed instance's messages would then wait that long to be redelivered
            .setMaxDurationPerAckExtensionDuration(config.maxDurationPerAckExtension())
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
    Subscriber subscriber = channels.configure(builder).build();
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
    return new PubSubIntake(subscriber);
  }

  /**
   * Opens the connection the reconciler's Pub/Sub clients share.
   *
   * @throws LaglineException naming the keys to fix
   */
  public static PubSubConnection connect(PubSubConfig config) {
    return connect(config, List.of());
  }

  /**
   * Opens the connection the reconciler's Pub/Sub clients share, with {@code interceptors} on the
   * subscriber's calls (and, on the emulator's one channel, on every client's).
   *
   * @throws LaglineException naming the keys to fix
   */
  public static PubSubConnection connect(
      PubSubConfig config, List<ClientInterceptor> interceptors) {
    try {
      return PubSubConnection.create(
          config.emulatorHost(), config.credentialsFile(), interceptors, SETTING_NAMES);
    } catch (PubSubConnectionException e) {
      throw new LaglineException(
          e.getMessage()
              + " (reconciler keys: "
              + ReconcilerKey.PUBSUB_EMULATOR_HOST.path()
              + ", "
              + ReconcilerKey.PUBSUB_CREDENTIALS_FILE.path()
              + ")",
          e);
    }
  }

  /** True while the subscriber is pulling. */
  public boolean isRunning() {
    return subscriber.isRunning();
  }

  /** Stops pulling new messages; messages in flight are still replied to. */
  public void stopPulling() {
    subscriber.stopAsync();
  }

  /**
   * Stops pulling and waits up to {@code timeout} for the subscriber to flush its replies and
   * terminate; what is still unreplied afterwards is redelivered once its deadline passes.
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
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
