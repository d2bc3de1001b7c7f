package io.lagline.reconciler.outage;

import dev.failsafe.CircuitBreaker;
import io.lagline.reconciler.config.OutageConfig;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when Cassandra is out and the reconciler pauses: a Failsafe circuit breaker fed with the
 * outcome of every write attempt. When most attempts in the window fail for infrastructure reasons
 * it opens: writes no longer start (they wait here, so their messages stay leased and no delivery
 * attempt is spent), readiness turns false and the paused gauge reads 1. Every probe interval one
 * waiting write (or, with none waiting, a cheap probe query) is let through; its success closes the
 * breaker and releases every waiting write. A failed probe reopens the breaker, which is not a new
 * pause: the pause is announced once and its end once. The probe interval is timed here, on the
 * guard's clock, not by the breaker. It also tells readiness when writes in flight go unanswered
 * ({@link #stalled()}), which happens long before enough of them time out to open the breaker.
 */
public final class OutageGuard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutageGuard.class);
  private static final CompletableFuture<Void> GO = CompletableFuture.completedFuture(null);
  private static final Duration TICK = Duration.ofMillis(100);

  /**
   * What is guarded, for the log: e.g. {@code Cassandra} looks unavailable, x% of recent {@code
   * writes} failed, pausing {@code intake}.
   */
  public record Subject(String name, String attempts, String paused) {
    /** The Cassandra writes. */
    public static final Subject CASSANDRA = new Subject("Cassandra", "writes", "intake");
  }

  /** Told when the reconciler pauses or resumes. */
  public interface Listener {
    void paused(boolean paused);
  }

  private record Waiter(CompletableFuture<Void> go, long deadlineNanos) {}

  private final Subject subject;
  private final CircuitBreaker<Object> breaker;
  private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final Supplier<CompletionStage<?>> probe;
  private final LongSupplier nanos;
  private final long probeIntervalNanos;
  private final WriteStall stall;
  private final AtomicBoolean paused = new AtomicBoolean();
  private final Future<?> ticker;
  private volatile long nextProbeNanos;

  /**
   * @param config thresholds and probe interval
   * @param scheduler runs the release tick
   * @param probe a cheap request to Cassandra, sent when a probe is due and no write waits
   * @param listener told of pauses and resumes
   */
  public OutageGuard(
      OutageConfig config,
      ScheduledExecutorService scheduler,
      Supplier<CompletionStage<?>> probe,
      Listener listener) {
    this(Subject.CASSANDRA, config, scheduler, probe, listener);
  }

  /**
   * @param subject what is guarded, for the log
   * @param config thresholds and probe interval
   * @param scheduler runs the release tick
   * @param probe a cheap request, sent when a probe is due and no attempt waits
   * @param listener told of pauses and resumes
   */
  public OutageGuard(
      Subject subject,
      OutageConfig config,
      ScheduledExecutorService scheduler,
      Supplier<CompletionStage<?>> probe,
      Listener listener) {
    this(
        subject,
        config,
        tick ->
            scheduler.scheduleWithFixedDelay(
                tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS),
        System::nanoTime,
        probe,
        listener);
  }

  /**
   * @param schedule starts the release tick, to run every {@link #TICK}
   * @param nanos the clock of probe intervals and stalls, {@link System#nanoTime()}-like
   */
  OutageGuard(
      OutageConfig config,
      Function<Runnable, Future<?>> schedule,
      LongSupplier nanos,
      Supplier<CompletionStage<?>> probe,
      Listener listener) {
    this(Subject.CASSANDRA, config, schedule, nanos, probe, listener);
  }

  private OutageGuard(
      Subject subject,
      OutageConfig config,
      Function<Runnable, Future<?>> schedule,
      LongSupplier nanos,
      Supplier<CompletionStage<?>> probe,
      Listener listener) {
    this.subject = subject;
    this.probe = probe;
    this.nanos = nanos;
    this.probeIntervalNanos = config.probeInterval().toNanos();
    this.stall = new WriteStall(nanos, WriteStall.THRESHOLD);
    this.breaker =
        CircuitBreaker.builder()
            .withFailureRateThreshold(
                config.failureRatePercent(), config.minWrites(), config.window())
            .withDelay(Duration.ZERO) // the probe interval is timed by tick()
            .withSuccessThreshold(1)
            .onOpen(
                e -> {
                  if (paused.compareAndSet(false, true)) {
                    nextProbeNanos = nanos.getAsLong() + probeIntervalNanos;
                    LOG.warn(
                        "{} looks unavailable ({}% of recent {} failed for infrastructure"
                            + " reasons): pausing {}, probing every {}",
                        subject.name(),
                        breaker().getFailureRate(),
                        subject.attempts(),
                        subject.paused(),
                        config.probeInterval());
                    listener.paused(true);
                  } else {
                    LOG.debug(
                        "probe failed: {} still unavailable, {} stays paused",
                        subject.name(),
                        subject.paused());
                  }
                })
            .onClose(
                e -> {
                  if (paused.compareAndSet(true, false)) {
                    LOG.info("{} answers again: resuming {}", subject.name(), subject.paused());
                    listener.paused(false);
                  }
                })
            .build();
    this.ticker = schedule.apply(this::tick);
  }

  private CircuitBreaker<Object> breaker() {
    return breaker;
  }

  /**
   * Completes when a write may start: at once unless paused. While paused it completes when this
   * write is let through as a probe or the pause ends, or fails with {@link
   * RetryBudgetExhaustedException} once {@code deadlineNanos} (a {@link System#nanoTime()} value)
   * passes. Every completed permit must be followed by exactly one {@link #record(boolean)}.
   */
  public CompletableFuture<Void> permit(long deadlineNanos) {
    if (!paused.get() && waiting.isEmpty() && breaker.tryAcquirePermit()) {
      stall.started();
      return GO;
    }
    CompletableFuture<Void> go = new CompletableFuture<>();
    waiting.add(new Waiter(go, deadlineNanos));
    return go;
  }

  /**
   * Records a permitted write's outcome.
   *
   * @param infrastructureFailure true when it failed for a reason that says Cassandra is not
   *     serving (timeouts, unreachable or overloaded nodes); false when it succeeded or Cassandra
   *     answered that the event itself is wrong
   */
  public void record(boolean infrastructureFailure) {
    stall.finished(!infrastructureFailure);
    if (infrastructureFailure) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
  }

  /** True while writes are held back. */
  public boolean paused() {
    return paused.get();
  }

  /**
   * True while writes are in flight and Cassandra has answered none of them for longer than {@link
   * WriteStall#THRESHOLD} (3 s): a node that stopped answering, seen before any write times out.
   */
  public boolean stalled() {
    return stall.stalled();
  }

  /** Writes waiting for the pause to end. */
  public int waiting() {
    return waiting.size();
  }

  /** Gives up expired waiters, then releases every waiter, or lets one probe through when due. */
  void tick() {
    try {
      long now = System.nanoTime();
      waiting.removeIf(w -> expired(w, now));
      if (!paused.get()) {
        release(Integer.MAX_VALUE);
      } else if (nanos.getAsLong() - nextProbeNanos >= 0) {
        nextProbeNanos = nanos.getAsLong() + probeIntervalNanos;
        if (!waiting.isEmpty()) {
          release(1);
        } else if (breaker.tryAcquirePermit()) {
          stall.started();
          probe.get().whenComplete((ok, error) -> record(error != null));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("outage guard tick failed", e);
    }
  }

  private void release(int max) {
    // only this tick takes waiters off the queue, so the head cannot change under us
    for (int i = 0; i < max; i++) {
      Waiter next = waiting.peek();
      if (next == null || !breaker.tryAcquirePermit()) {
        return;
      }
      waiting.poll();
      if (next.go().complete(null)) {
        stall.started();
      } else {
        // nobody will record this permit's outcome: count it as failed so a probe is tried again
        breaker.recordFailure();
      }
    }
  }

  private boolean expired(Waiter waiter, long now) {
    if (now - waiter.deadlineNanos() < 0) {
      return false;
    }
    waiter
        .go()
        .completeExceptionally(
            new RetryBudgetExhaustedException(
                subject.name()
                    + " still unavailable when the message's ack-extension budget ran out"));
    return true;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.cancel(false);
    }
    Waiter waiter;
    while ((waiter = waiting.poll()) != null) {
      waiter
          .go()
          .completeExceptionally(new RetryBudgetExhaustedException("the reconciler is stopping"));
    }
  }
}
