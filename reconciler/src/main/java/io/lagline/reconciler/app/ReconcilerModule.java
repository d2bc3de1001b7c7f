package io.lagline.reconciler.app;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.grpc.ClientInterceptor;
import io.lagline.producer.publish.PubSubConnection;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WritePolicy;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.deadletter.PubSubDeadLetterSink;
import io.lagline.reconciler.intake.MessageHandler;
import io.lagline.reconciler.intake.PubSubChecks;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.reconciler.intake.StreamWatch;
import io.lagline.reconciler.intake.StreamingPullInterceptor;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.metrics.IntakeMetrics;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.watermark.Watermarks;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires the reconciler from its configuration: one place that knows how the pieces fit, so the
 * domain classes stay free of Guice. Everything is a singleton; the Cassandra session is opened
 * (and checked) when first needed.
 */
final class ReconcilerModule extends AbstractModule {
  private final ReconcilerConfig config;
  private final List<ClientInterceptor> interceptors;

  ReconcilerModule(ReconcilerConfig config, List<ClientInterceptor> interceptors) {
    this.config = config;
    this.interceptors = List.copyOf(interceptors);
  }

  @Override
  protected void configure() {
    bind(ReconcilerConfig.class).toInstance(config);
    bind(Clock.class).toInstance(Clock.systemUTC());
  }

  @Provides
  @Singleton
  Mapping mapping() {
    return MappingLoader.load(config.mappingFile()).withHeartbeat();
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("app", "lagline-reconciler");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    return registry;
  }

  @Provides
  @Singleton
  ReconcilerMetrics metrics(PrometheusMeterRegistry registry, Mapping mapping) {
    ReconcilerMetrics metrics = new ReconcilerMetrics(registry, mapping.eventTypes());
    metrics.flowControlLimit(config.pubsub().maxOutstandingMessages());
    return metrics;
  }

  @Provides
  @Singleton
  Watermarks watermarks(Clock clock, ReconcilerMetrics metrics) {
    return new Watermarks(clock, config.watermark(), metrics);
  }

  @Provides
  @Singleton
  CqlSession session(PrometheusMeterRegistry registry) {
    return CassandraSessions.open(config.cassandra(), registry);
  }

  @Provides
  @Singleton
  RowWriter writer(CqlSession session, Mapping mapping, ReconcilerMetrics metrics) {
    return CassandraLwtWriter.prepare(
        session,
        config.cassandra().keyspace(),
        mapping,
        level(config.cassandra().consistency().name()),
        level(config.cassandra().serialConsistency().name()),
        metrics);
  }

  @Provides
  @Singleton
  ScheduledExecutorService retryScheduler() {
    // runs write attempts (binding and handing statements to the driver) and delayed retries
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    return Executors.newScheduledThreadPool(
        threads,
        r -> {
          Thread thread = new Thread(r, "lagline-writes");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Provides
  @Singleton
  OutageGuard outageGuard(
      CqlSession session, ScheduledExecutorService scheduler, ReconcilerMetrics metrics) {
    SimpleStatement probe =
        SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(config.cassandra().requestTimeout());
    return new OutageGuard(
        config.outage(), scheduler, () -> session.executeAsync(probe), metrics::paused);
  }

  @Provides
  @Singleton
  EventApplier applier(
      Mapping mapping,
      RowWriter writer,
      OutageGuard guard,
      ScheduledExecutorService scheduler,
      ReconcilerMetrics metrics) {
    WritePolicy policy =
        new WritePolicy(
            config.retry(),
            config.cassandra().writeConcurrency(),
            CassandraLwtWriter.attemptTimeout(config.cassandra().requestTimeout()),
            config.cassandra().coalesceSuperseded());
    return new EventApplier(mapping, writer, policy, guard, scheduler, metrics);
  }

  @Provides
  @Singleton
  IntakeMetrics intakeMetrics(PrometheusMeterRegistry registry) {
    return new IntakeMetrics(registry);
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
  MessageHandler handler(
      EventApplier applier,
      DeadLetterSink deadLetters,
      ReconcilerMetrics metrics,
      Clock clock,
      Watermarks watermarks,
      IntakeMetrics intakeMetrics) {
    MessageHandler handler =
        new MessageHandler(
            applier, deadLetters, metrics, clock, watermarks, config.pubsub().maxAckExtension());
    intakeMetrics.stalledFor(handler, MessageHandler::stalledSeconds);
    return handler;
  }

  private static ConsistencyLevel level(String name) {
    return DefaultConsistencyLevel.valueOf(name);
  }
}
