package io.lagline.reconciler.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.grpc.ClientInterceptor;
import io.lagline.contract.Contracts;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.apply.WritePolicy;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.intake.IntakeMetrics;
import io.lagline.reconciler.intake.MessageHandler;
import io.lagline.reconciler.intake.MessageMetrics;
import io.lagline.reconciler.mapping.ContractCheck;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.notify.Notifier;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.watermark.WatermarkMetrics;
import io.lagline.reconciler.watermark.Watermarks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires the reconciler from its configuration: the mapping and the message's walk (handler,
 * applier, watermarks) here, each boundary in its own module (Pub/Sub, Cassandra, metrics), so the
 * domain classes stay free of Guice. Everything is a singleton, created when first needed.
 */
final class ReconcilerModule extends AbstractModule {
  private final ReconcilerConfig config;
  private final List<ClientInterceptor> interceptors;
  private final Decorations decorations;

  ReconcilerModule(
      ReconcilerConfig config, List<ClientInterceptor> interceptors, Decorations decorations) {
    this.config = config;
    this.interceptors = List.copyOf(interceptors);
    this.decorations = decorations;
  }

  @Override
  protected void configure() {
    bind(ReconcilerConfig.class).toInstance(config);
    bind(Clock.class).toInstance(Clock.systemUTC());
    install(new MetricsModule());
    install(new CassandraModule(config));
    install(new PubSubModule(config, interceptors));
  }

  /** The payload schemas of {@code contracts.dir}; empty when it is unset. */
  @Provides
  @Singleton
  Optional<Contracts> contracts() {
    String dir = config.contracts();
    if (dir == null) {
      return Optional.empty();
    }
    return Optional.of(
        dir.equals(ReconcilerConfig.BUNDLED_CONTRACTS)
            ? Contracts.bundled()
            : Contracts.load(Path.of(dir)));
  }

  /** The mapping, checked against the payload schemas when there are any. */
  @Provides
  @Singleton
  Mapping mapping(Optional<Contracts> contracts) {
    Mapping mapping = MappingLoader.load(config.mappingFile());
    contracts.ifPresent(c -> ContractCheck.check(mapping, c));
    return decorations.mapping().apply(mapping.withHeartbeat());
  }

  @Provides
  @Singleton
  Watermarks watermarks(Clock clock, WatermarkMetrics metrics) {
    return new Watermarks(clock, config.watermark(), metrics);
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
      OutageGuard guard,
      ScheduledExecutorService scheduler,
      WriteMetrics metrics) {
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
  MessageHandler handler(
      EventApplier applier,
      Notifier notifier,
      DeadLetterSink deadLetters,
      MessageMetrics metrics,
      DeadLetterMetrics deadLetterMetrics,
      Clock clock,
      Watermarks watermarks,
      IntakeMetrics intakeMetrics,
      Optional<Contracts> contracts) {
    MessageHandler handler =
        new MessageHandler(
            applier,
            decorations.notifier().apply(notifier),
            decorations.deadLetters().apply(deadLetters),
            metrics,
            deadLetterMetrics,
            clock,
            watermarks,
            config.pubsub().maxAckExtension(),
            contracts);
    metrics.flowControlLimit(config.pubsub().maxOutstandingMessages());
    intakeMetrics.stalledFor(handler::stalledSeconds);
    return handler;
  }
}
