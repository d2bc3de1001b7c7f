package io.lagline.reconciler.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.grpc.ClientInterceptor;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PubSubChecks;
import io.lagline.pubsub.republish.TopicRepublisher;
import io.lagline.reconciler.config.PubSubConfig;
import io.lagline.reconciler.config.ReconciledConfig;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.deadletter.PubSubDeadLetterSink;
import io.lagline.reconciler.intake.IntakeMetrics;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.reconciler.intake.StreamWatch;
import io.lagline.reconciler.intake.StreamingPullInterceptor;
import io.lagline.reconciler.notify.NotificationMetrics;
import io.lagline.reconciler.notify.Notifier;
import io.lagline.reconciler.notify.PubSubNotifier;
import io.lagline.reconciler.outage.OutageGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Pub/Sub boundary: one connection for the subscriber and the dead-letter publisher, its
 * streaming pulls watched for errors, the dead-letter sink and the reconciled stream's notifier
 * (their topics checked first).
 */
final class PubSubModule extends AbstractModule {
  private final ReconcilerConfig config;
  private final List<ClientInterceptor> interceptors;

  PubSubModule(ReconcilerConfig config, List<ClientInterceptor> interceptors) {
    this.config = config;
    this.interceptors = List.copyOf(interceptors);
  }

  @Provides
  @Singleton
  StreamWatch streamWatch(Clock clock, IntakeMetrics metrics) {
    return new StreamWatch(
        config.pubsub().subscription(), config.intakeHealth(), clock, metrics::streamError);
  }

  @Provides
  @Singleton
  PubSubConnection pubsub(StreamWatch watch) {
    List<ClientInterceptor> all = new ArrayList<>(interceptors);
    all.add(new StreamingPullInterceptor(config.pubsub().subscription(), watch));
    return PubSubIntake.connect(config.pubsub(), all);
  }

  @Provides
  @Singleton
  DeadLetterSink deadLetters(PubSubConnection connection) {
    String topic = config.deadLetter().topic();
    PubSubChecks.topicExists(connection, topic, ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC);
    return PubSubDeadLetterSink.create(topic, config.pubsub().subscription(), connection);
  }

  @Provides
  @Singleton
  Notifier notifier(
      PubSubConnection connection,
      ScheduledExecutorService scheduler,
      NotificationMetrics metrics,
      Clock clock) {
    ReconciledConfig reconciled = config.reconciled();
    if (!reconciled.enabled()) {
      return Notifier.NONE;
    }
    String topic = reconciled.topic();
    PubSubChecks.topicExists(connection, topic, ReconcilerKey.PUBSUB_RECONCILED_TOPIC);
    PubSubConfig pubsub = config.pubsub();
    // every held message may wait for its notification at once: the publisher must never block
    TopicRepublisher publisher =
        TopicRepublisher.create(
            connection,
            topic,
            ReconcilerKey.PUBSUB_RECONCILED_TOPIC,
            reconciled.ordering(),
            Math.max(
                TopicRepublisher.MAX_OUTSTANDING_MESSAGES, 2 * pubsub.maxOutstandingMessages()),
            Math.max(TopicRepublisher.MAX_OUTSTANDING_BYTES, 2 * pubsub.maxOutstandingBytes()));
    // a probe is due only while no notification waits, and then nothing needs publishing: the
    // next notification is the probe
    OutageGuard guard =
        new OutageGuard(
            new OutageGuard.Subject(
                "Pub/Sub (" + topic + ")", "notification publishes", "notifications"),
            config.outage(),
            scheduler,
            () -> CompletableFuture.completedFuture(null),
            metrics::paused);
    return new PubSubNotifier(
        publisher, reconciled, config.retry(), guard, scheduler, metrics, clock);
  }
}
