package io.lagline.reconciler.app;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.intake.MessageHandler;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires the reconciler from its configuration: one place that knows how the pieces fit, so the
 * domain classes stay free of Guice. Everything is a singleton; the Cassandra session is opened
 * (and checked) when first needed.
 */
final class ReconcilerModule extends AbstractModule {
  private final ReconcilerConfig config;

  ReconcilerModule(ReconcilerConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(ReconcilerConfig.class).toInstance(config);
    bind(Clock.class).toInstance(Clock.systemUTC());
  }

  @Provides
  @Singleton
  Mapping mapping() {
    return MappingLoader.load(config.mappingFile());
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
    return registry;
  }

  @Provides
  @Singleton
  ReconcilerMetrics metrics(PrometheusMeterRegistry registry, Mapping mapping) {
    return new ReconcilerMetrics(registry, mapping.eventTypes());
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
  EventApplier applier(
      Mapping mapping,
      RowWriter writer,
      ScheduledExecutorService scheduler,
      ReconcilerMetrics metrics) {
    // timeout
    java.time.Duration attemptTimeout =
        CassandraLwtWriter.attemptTimeout(config.cassandra().requestTimeout());
    return new EventApplier(
        mapping,
        writer,
        config.retry(),
        scheduler,
        metrics,
        config.cassandra().maxConcurrentWrites(),
        attemptTimeout);
  }

  @Provides
  @Singleton
  MessageHandler handler(EventApplier applier, ReconcilerMetrics metrics, Clock clock) {
    return new MessageHandler(applier, metrics, clock);
  }

  private static ConsistencyLevel level(String name) {
    return DefaultConsistencyLevel.valueOf(name);
  }
}
