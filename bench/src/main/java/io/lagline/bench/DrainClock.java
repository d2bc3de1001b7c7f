package io.lagline.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Times a drain by polling a progress counter every {@value #POLL_MILLIS} ms: from the first poll
 * that sees progress to the first that sees the whole backlog handled. events/s is the events
 * handled between those two polls divided by the time between them, so start-up before the first
 * event is left out. The CPU and peak RSS of the process doing the work are sampled at the same two
 * polls.
 */
final class DrainClock {
  static final long POLL_MILLIS = 100;

  private DrainClock() {}

  /**
   * The measured drain.
   *
   * @param events events counted in the interval
   * @param seconds the interval
   * @param cpuSeconds CPU time the process used in the interval
   * @param peakRssMb the process's peak RSS at the end
   */
  record Timing(long events, double seconds, double cpuSeconds, double peakRssMb) {
    double eventsPerSecond() {
      return seconds > 0 ? events / seconds : Double.NaN;
    }
  }

  /**
   * Waits until {@code progress} reaches {@code target}.
   *
   * @param pid the process whose CPU and RSS to sample, or -1
   * @param alive false when the worker died: the drain fails at once
   * @throws BenchException when the worker dies or no progress is made for {@code stall}
   */
  static Timing await(
      String what,
      long target,
      LongSupplier progress,
      BooleanSupplier alive,
      long pid,
      Duration stall) {
    long waitStart = System.nanoTime();
    long lastChange = waitStart;
    long last = progress.getAsLong();
    long firstAt = -1;
    long firstCount = 0;
    ProcStats firstCpu = ProcStats.NONE;
    while (true) {
      long now = System.nanoTime();
      long done = progress.getAsLong();
      if (done > 0 && firstAt < 0) {
        firstAt = now;
        firstCount = done;
        firstCpu = pid > 0 ? ProcStats.read(pid) : ProcStats.NONE;
      }
      if (done >= target) {
        ProcStats end = pid > 0 ? ProcStats.read(pid) : ProcStats.NONE;
        return timing(target, waitStart, firstAt, firstCount, now, firstCpu, end);
      }
      if (done != last) {
        last = done;
        lastChange = now;
      }
      if (!alive.getAsBoolean()) {
        throw new BenchException(what + " died after " + done + " of " + target + " events");
      }
      if (now - lastChange > stall.toNanos()) {
        throw new BenchException(
            what
                + " stalled at "
                + done
                + " of "
                + target
                + " events for "
                + stall.toSeconds()
                + " s");
      }
      sleep();
    }
  }

  /** The interval's figures; when one poll saw it all, the whole wait counts. */
  static Timing timing(
      long target,
      long waitStart,
      long firstAt,
      long firstCount,
      long endAt,
      ProcStats firstCpu,
      ProcStats end) {
    boolean onePoll = firstAt < 0 || firstAt == endAt || firstCount >= target;
    long from = onePoll ? waitStart : firstAt;
    long events = onePoll ? target : target - firstCount;
    double cpu = end.cpuSeconds() - (onePoll ? 0 : firstCpu.cpuSeconds());
    return new Timing(events, (endAt - from) / 1e9, Math.max(0, cpu), end.peakRssMb());
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS); // polling another process's counter, bounded by the stall limit
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }
}
