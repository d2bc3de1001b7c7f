package io.lagline.producer.publish;

import io.lagline.event.Event;
import io.lagline.event.Heartbeat;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@link Heartbeat} event for one producer instance every {@code interval} through an
 * {@link EventPublisher}, so that the reconciler can export a watermark lag that keeps growing when
 * it stalls, even while no other event flows. The version of each heartbeat is its emission time in
 * epoch milliseconds, bumped when needed so that it strictly increases. An interval of zero turns
 * heartbeats off. Outcomes are counted in {@link PublishMetrics#HEARTBEATS}.
 */
public final class Heartbeats implements AutoCloseable {
  /** Default interval between two heartbeats: 10 s. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** Shortest interval allowed besides zero (off). */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

  private final EventPublisher publisher;
  private final String producerId;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final PublishMetrics metrics;
  private final AtomicLong lastVersion = new AtomicLong();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile ScheduledFuture<?> task;

  Heartbeats(
      EventPublisher publisher,
      String producerId,
      Duration interval,
      Clock clock,
      ScheduledExecutorService scheduler,
      boolean ownsScheduler,
      PublishMetrics metrics) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.producerId = Objects.requireNonNull(producerId, "producerId");
    this.interval = checked(interval);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.ownsScheduler = ownsScheduler;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Starts emitting heartbeats at once and then every {@code interval}, on a daemon thread of its
   * own; does nothing while {@code interval} is zero.
   *
   * @param producerId this producer instance, e.g. {@link #defaultProducerId()}
   * @throws IllegalArgumentException when {@code interval} is negative or below {@link
   *     #MIN_INTERVAL}
   */
  public static Heartbeats start(
      EventPublisher publisher, String producerId, Duration interval, PublishMetrics metrics) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "lagline-heartbeats");
              thread.setDaemon(true);
              return thread;
            });
    Heartbeats heartbeats =
        new Heartbeats(
            publisher, producerId, interval, Clock.systemUTC(), scheduler, true, metrics);
    heartbeats.schedule();
    return heartbeats;
  }

  /**
   * A producer id unique to this process: the host name and a random suffix, e.g. {@code
   * web-7f9c-3a41e2}.
   */
  public static String defaultProducerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "producer";
    }
    byte[] suffix = new byte[3];
    new SecureRandom().nextBytes(suffix);
    return host + "-" + HexFormat.of().formatHex(suffix);
  }

  /**
   * Emits the first heartbeat on the calling thread (so even a short run sends one) and schedules
   * the rest; a no-op when the interval is zero or already started.
   */
  synchronized void schedule() {
    if (interval.isZero() || task != null) {
      return;
    }
    long millis = interval.toMillis();
    emitQuietly();
    task = scheduler.scheduleAtFixedRate(this::emitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info("Emitting a heartbeat as producer {} every {} ms", producerId, millis);
  }

  /** The producer id heartbeats carry as entity key. */
  public String producerId() {
    return producerId;
  }

  /** The interval between two heartbeats; zero when off. */
  public Duration interval() {
    return interval;
  }

  /** Publishes one heartbeat now. */
  CompletableFuture<PublishReceipt> emit() {
    Event event = Heartbeat.of(producerId, nextVersion(), clock.instant(), interval);
    CompletableFuture<PublishReceipt> sent;
    try {
      sent = publisher.publish(event);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.whenComplete((receipt, error) -> counted(error));
  }

  /** The next version: now in epoch millis, or one more than the last when the clock lags. */
  long nextVersion() {
    long now = clock.millis();
    return lastVersion.updateAndGet(last -> Math.max(last + 1, now));
  }

  private void emitQuietly() {
    try {
      emit();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again
      LOG.warn("Could not emit a heartbeat for producer {}: {}", producerId, e.toString());
    }
  }

  private void counted(Throwable error) {
    metrics.heartbeat(error == null);
    if (error == null) {
      if (failing.compareAndSet(true, false)) {
        LOG.info("Heartbeats of producer {} are published again", producerId);
      }
    } else if (failing.compareAndSet(false, true)) {
      LOG.warn(
          "Heartbeat of producer {} not published ({}); will keep trying every {} ms",
          producerId,
          error.toString(),
          interval.toMillis());
    } else {
      LOG.debug("Heartbeat of producer {} not published: {}", producerId, error.toString());
    }
  }

  /** Stops emitting; heartbeats already handed to the publisher are left to it. Idempotent. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  private static Duration checked(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || (!interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0)) {
      throw new IllegalArgumentException(
          "heartbeat interval must be 0 (off) or at least "
              + MIN_INTERVAL.toMillis()
              + "ms, was "
              + interval.toMillis()
              + "ms");
    }
    return interval;
  }
}
