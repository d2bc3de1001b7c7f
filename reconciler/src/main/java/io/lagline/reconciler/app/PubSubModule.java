package io.lagline.reconciler.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.grpc.ClientInterceptor;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PubSubChecks;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.deadletter.PubSubDeadLetterSink;
import io.lagline.reconciler.intake.IntakeMetrics;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.reconciler.intake.StreamWatch;
import io.lagline.reconciler.intake.StreamingPullInterceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pub/Sub boundary: one connection for the subscriber and the dead-letter publisher, its
 * streaming pulls watched for errors, and the dead-letter sink (its topic checked first).
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
}
