package io.lagline.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Times a drain by polling a progress counter every {@value #POLL_MILLIS} ms: from the first poll
 * that sees progress to the first that sees the whole backlog handled. events/s is the events
 * handled between those two polls divided by the time between them, so start-up before the first
 * event is left out. With a warm-up (see {@link DrainBacklog}), progress is what the counter shows
 * beyond the warm-up's count, so the warm-up is left out the same way. The CPU and peak RSS of the
 * process doing the work are sampled at the same two polls.
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
   * @param cpuByThreads the interval's CPU seconds by {@link ThreadCpu} kind; empty when not read
   */
  record Timing(
      long events,
      double seconds,
      double cpuSeconds,
      double peakRssMb,
      Map<String, Double> cpuByThreads) {
    Timing(long events, double seconds, double cpuSeconds, double peakRssMb) {
      this(events, seconds, cpuSeconds, peakRssMb, Map.of());
    }

    double eventsPerSecond() {
      return seconds > 0 ? events / seconds : Double.NaN;
    }
  }

  /**
   * Waits until {@code progress} reaches {@code target}, with no warm-up.
   *
   * @see #await(String, long, long, LongSupplier, BooleanSupplier, long, Duration)
   */
  static Timing await(
      String what,
      long target,
      LongSupplier progress,
      BooleanSupplier alive,
      long pid,
      Duration stall) {
    return await(what, 0, target, progress, alive, pid, stall);
  }

  /**
   * Waits until {@code counter} reaches {@code warm + target} and times the {@code target} events
   * after the first {@code warm}.
   *
   * @param warm events the worker handles first, not measured
   * @param target events measured
   * @param counter events handled so far, the warm-up's included; negative before the worker
   *     answers
   * @param pid the process whose CPU and RSS to sample, or -1
   * @param alive false when the worker died: the drain fails at once
   * @throws BenchException when the worker dies or no progress is made for {@code stall}
   */
  static Timing await(
      String what,
      long warm,
      long target,
      LongSupplier counter,
      BooleanSupplier alive,
      long pid,
      Duration stall) {
    long idleAt = System.nanoTime();
    ProcStats idleCpu = ProcStats.NONE;
    long lastChange = idleAt;
    long last = counter.getAsLong();
    long firstAt = -1;
    long firstCount = 0;
    ProcStats firstCpu = ProcStats.NONE;
    while (true) {
      long now = System.nanoTime();
      long handled = counter.getAsLong();
      long done = handled - warm;
      if (done <= 0) {
        idleAt = now;
        idleCpu = pid > 0 ? ProcStats.read(pid) : ProcStats.NONE;
      } else if (firstAt < 0) {
        firstAt = now;
        firstCount = done;
        firstCpu = pid > 0 ? ProcStats.read(pid) : ProcStats.NONE;
      }
      if (done >= target) {
        ProcStats end = pid > 0 ? ProcStats.read(pid) : ProcStats.NONE;
        return timing(
            target,
            new Poll(idleAt, 0, idleCpu),
            new Poll(firstAt, firstCount, firstCpu),
            now,
            end);
      }
      if (handled != last) {
        last = handled;
        lastChange = now;
      }
      if (!alive.getAsBoolean()) {
        throw new BenchException(what + " died after " + progress(handled, warm, target));
      }
      if (now - lastChange > stall.toNanos()) {
        throw new BenchException(
            what
                + " stalled at "
                + progress(handled, warm, target)
                + " for "
                + stall.toSeconds()
                + " s");
      }
      sleep();
    }
  }

  /** {@code 3 of 10 events}, and how many of those are the warm-up when there is one. */
  private static String progress(long handled, long warm, long target) {
    return handled
        + " of "
        + (warm + target)
        + " events"
        + (warm > 0 ? " (the first " + warm + " a warm-up)" : "");
  }

  /**
   * One poll of the drain.
   *
   * @param at {@link System#nanoTime()} of the poll; -1 for none
   * @param count measured events handled by then
   * @param cpu the process's figures then
   */
  record Poll(long at, long count, ProcStats cpu) {}

  /**
   * The interval's figures, from {@code first} (the first poll that saw measured events handled) to
   * {@code endAt}. When one poll saw them all, the interval starts at {@code idle} instead, the
   * last poll that saw none (the start of the wait, when every poll saw progress).
   */
  static Timing timing(long target, Poll idle, Poll first, long endAt, ProcStats end) {
    boolean onePoll = first.at() < 0 || first.at() == endAt || first.count() >= target;
    Poll from = onePoll ? idle : first;
    long events = target - from.count();
    double cpu = end.cpuSeconds() - from.cpu().cpuSeconds();
    return new Timing(
        events,
        (endAt - from.at()) / 1e9,
        Math.max(0, cpu),
        end.peakRssMb(),
        ThreadCpu.between(from.cpu().cpuByThreads(), end.cpuByThreads()));
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
