package io.lagline.reconciler.app;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import io.grpc.ClientInterceptor;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.admin.AdminServer;
import io.lagline.reconciler.admin.HealthCheck;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.audit.AuditMetrics;
import io.lagline.reconciler.audit.AuditSubscriber;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ShutdownConfig;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.intake.MessageHandler;
import io.lagline.reconciler.intake.MessageMetrics;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.reconciler.intake.StreamWatch;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.notify.Notifier;
import io.lagline.reconciler.outage.OutageGuard;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running reconciler: Cassandra session, prepared writers, admin endpoint and the subscriber,
 * started in that order (so nothing is pulled before it can be written) and stopped in reverse.
 * Used by {@code reconciler run}, the demo and the tests alike.
 */
public final class ReconcilerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerApp.class);

  private static final Duration SUBSCRIBER_STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Injector injector;
  private final AdminServer admin;
  private final PubSubIntake intake;
  private final AuditSubscriber auditor;

  private final CompletableFuture<Throwable> failure;
  private final ShutdownConfig shutdown;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ReconcilerApp(
      Injector injector,
      AdminServer admin,
      PubSubIntake intake,
      AuditSubscriber auditor,
      CompletableFuture<Throwable> failure,
      ShutdownConfig shutdown) {
    this.auditor = auditor;
    this.failure = failure;
    this.shutdown = shutdown;
    this.injector = injector;
    this.admin = admin;
    this.intake = intake;
  }

  /**
   * Starts everything; on any failure, stops what was started and rethrows.
   *
   * @throws io.lagline.error.LaglineException naming the cause and the key to fix
   */
  public static ReconcilerApp start(ReconcilerConfig config) {
    return start(config, List.of());
  }

  /**
   * As {@link #start(ReconcilerConfig)}, with {@code interceptors} on the calls of the subscriber's
   * channel besides the reconciler's own (tracing, or a test's fault).
   */
  public static ReconcilerApp start(ReconcilerConfig config, List<ClientInterceptor> interceptors) {
    return start(config, interceptors, Decorations.NONE);
  }

  /**
   * As {@link #start(ReconcilerConfig, List)}, with the wiring changed by {@code decorations} (a
   * rebuild's).
   */
  public static ReconcilerApp start(
      ReconcilerConfig config, List<ClientInterceptor> interceptors, Decorations decorations) {
    try {
      return startWiring(config, interceptors, decorations);
    } catch (ProvisionException | CreationException e) {
      // Guice wraps what a provider throws; the caller wants the cause, which names the key to fix
      Throwable cause = rootOf(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private static Throwable rootOf(RuntimeException guice) {
    Throwable cause = guice.getCause();
    while ((cause instanceof ProvisionException || cause instanceof CreationException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == null ? guice : cause;
  }

  private static ReconcilerApp startWiring(
      ReconcilerConfig config, List<ClientInterceptor> interceptors, Decorations decorations) {
    Injector injector =
        Guice.createInjector(
            Stage.DEVELOPMENT, new ReconcilerModule(config, interceptors, decorations));
    List<AutoCloseable> started = new ArrayList<>();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    try {
      injector.getInstance(Mapping.class); // a bad mapping fails before anything connects
      CqlSession session = injector.getInstance(CqlSession.class);
      started.add(session);
      injector.getInstance(RowWriter.class); // prepares every statement: schema problems fail here
      PubSubConnection pubsub = injector.getInstance(PubSubConnection.class);
      started.add(pubsub);
      started.add(injector.getInstance(DeadLetterSink.class));
      Notifier notifier = injector.getInstance(Notifier.class);
      started.add(notifier);
      OutageGuard guard = injector.getInstance(OutageGuard.class);
      started.add(guard);
      MessageHandler handler = injector.getInstance(MessageHandler.class);
      PubSubIntake[] intake = new PubSubIntake[1];
      StreamWatch streams = injector.getInstance(StreamWatch.class);
      Duration stallTimeout = config.intakeHealth().stallTimeout();
      List<HealthCheck> checks =
          List.of(
              HealthCheck.of("subscribed", () -> intake[0] != null && intake[0].isRunning()),
              HealthCheck.of("cassandra", () -> CassandraSessions.reachable(session)),
              HealthCheck.of("not_paused", () -> !guard.paused()),
              HealthCheck.of("cassandra_answering", () -> !guard.stalled()),
              HealthCheck.of("notifications_not_paused", () -> !notifier.paused()),
              new HealthCheck("stream_not_erroring", streams::problem),
              new HealthCheck("progressing", () -> handler.stall(stallTimeout)));
      AdminServer admin =
          AdminServer.start(
              config.admin().host(),
              config.admin().port(),
              injector.getInstance(PrometheusMeterRegistry.class),
              List.of(HealthCheck.of("subscriber", () -> !failure.isDone())),
              checks);
      started.add(admin);
      intake[0] =
          PubSubIntake.start(
              config.pubsub(), pubsub, decorations.receiver().apply(handler), failure::complete);
      started.add(intake[0]);
      AuditSubscriber auditor = null;
      if (config.audit().enabled()) {
        auditor =
            AuditSubscriber.start(
                config,
                pubsub,
                session,
                injector.getInstance(Mapping.class),
                injector.getInstance(AuditMetrics.class),
                injector.getInstance(Clock.class));
        started.add(auditor);
      }
      LOG.info(
          "reconciler started: {} -> keyspace {}, poison -> {}, notifications -> {}",
          config.pubsub().subscription(),
          config.cassandra().keyspace(),
          config.deadLetter().topic(),
          config.reconciled().enabled() ? config.reconciled().topic() : "none");
      return new ReconcilerApp(injector, admin, intake[0], auditor, failure, config.shutdown());
    } catch (RuntimeException e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      injector.getInstance(ScheduledExecutorService.class).shutdownNow();
      throw e;
    }
  }

  /**
   * Completes with the cause when the subscriber fails for good (it then pulls nothing more): the
   * process should stop and be restarted rather than linger, and {@code /health/live} turns 503.
   */
  public CompletableFuture<Throwable> failure() {
    return failure;
  }

  /** The port the admin endpoint listens on. */
  public int adminPort() {
    return admin.port();
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry registry() {
    return injector.getInstance(PrometheusMeterRegistry.class);
  }

  /** The meters of the messages handled: outcomes, lag, messages in flight. */
  public MessageMetrics metrics() {
    return injector.getInstance(MessageMetrics.class);
  }

  /**
   * Stops pulling, lets in-flight messages finish (up to {@code shutdown.drain-timeout}), nacks the
   * rest so Pub/Sub redelivers them at once, then closes everything.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (auditor != null) {
      closeQuietly(auditor);
    }
    Duration drain = shutdown.drainTimeout();
    MessageHandler handler = injector.getInstance(MessageHandler.class);
    LOG.info("stopping: draining {} in-flight message(s) (up to {})", handler.inFlight(), drain);
    intake.stopPulling();
    try {
      int nacked = handler.drain(drain);
      if (nacked > 0) {
        LOG.warn("{} message(s) not finished within {}: nacked for redelivery", nacked, drain);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    intake.stop(SUBSCRIBER_STOP_TIMEOUT);
    closeQuietly(injector.getInstance(OutageGuard.class));
    closeQuietly(injector.getInstance(Notifier.class));
    closeQuietly(injector.getInstance(DeadLetterSink.class));
    closeQuietly(injector.getInstance(PubSubConnection.class));
    closeQuietly(admin);
    // fails what is still pending, then the writers stop
    closeQuietly(injector.getInstance(CqlSession.class));
    injector.getInstance(ScheduledExecutorService.class).shutdownNow();
    LOG.info("stopped");
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("error while closing {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
