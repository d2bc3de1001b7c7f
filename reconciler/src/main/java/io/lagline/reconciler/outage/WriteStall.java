package io.lagline.reconciler.outage;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices that Cassandra stopped answering before any write times out: writes are in flight and
 * none has been answered for longer than a threshold. A frozen node (a stopped process, a stalled
 * disk) keeps its connections open, so the driver still reports it up and the outage breaker sees
 * nothing until the request timeout; readiness asks this instead. An answer is progress, a failure
 * that says Cassandra is not serving is not. Idle time does not count: the clock starts when the
 * first write of a busy spell starts.
 */
final class WriteStall {
  /** How long writes in flight may go unanswered before readiness fails. */
  static final Duration THRESHOLD = Duration.ofSeconds(3);

  private final LongSupplier nanos;
  private final long thresholdNanos;
  private int inFlight;
  private long lastProgressNanos;

  /**
   * @param nanos a {@link System#nanoTime()}-like clock
   * @param threshold how long in-flight writes may go unanswered
   */
  WriteStall(LongSupplier nanos, Duration threshold) {
    this.nanos = nanos;
    this.thresholdNanos = threshold.toNanos();
  }

  /** A write (or probe) was let through. */
  synchronized void started() {
    if (inFlight++ == 0) {
      lastProgressNanos = nanos.getAsLong();
    }
  }

  /**
   * A write (or probe) finished.
   *
   * @param answered false when it failed because Cassandra is not serving (a timeout, no node)
   */
  synchronized void finished(boolean answered) {
    inFlight = Math.max(0, inFlight - 1);
    if (answered) {
      lastProgressNanos = nanos.getAsLong();
    }
  }

  /** True while writes are in flight and none was answered within the threshold. */
  synchronized boolean stalled() {
    return inFlight > 0 && nanos.getAsLong() - lastProgressNanos > thresholdNanos;
  }
}
