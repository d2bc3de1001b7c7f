package io.lagline.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one fixed-rate phase: sends fall due by a {@link RateSchedule}, each latency runs from
 * when its send was due to its answer, and at most {@code maxInFlight} sends are outstanding (one
 * due beyond that is shed and counted, not queued).
 */
final class OpenLoop {
  private final Sender sender;
  private final int maxInFlight;
  private final Duration drainTimeout;
  private final CpuMeter cpu;

  OpenLoop(Sender sender, int maxInFlight, Duration drainTimeout, CpuMeter cpu) {
    this.sender = sender;
    this.maxInFlight = maxInFlight;
    this.drainTimeout = drainTimeout;
    this.cpu = cpu;
  }

  /** Offers {@code rate} sends/s for {@code duration}, waits for the answers, and sums up. */
  PhaseResult run(String phase, double rate, Duration duration) {
    RateSchedule schedule = new RateSchedule(rate);
    int count = schedule.count(duration);
    long[] latencies = new long[count];
    Outcome[] outcomes = new Outcome[count];
    Semaphore inFlight = new Semaphore(maxInFlight);
    CountDownLatch answered = new CountDownLatch(count);
    double benchBefore = cpu.bench();
    double emulatorBefore = cpu.emulator();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + schedule.dueNanos(i);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait); // the open-loop clock
      }
      if (!inFlight.tryAcquire()) {
        outcomes[i] = Outcome.SHED;
        answered.countDown();
        continue;
      }
      int index = i;
      CompletableFuture<Outcome> sent;
      try {
        sent = sender.send(phase, i);
      } catch (RuntimeException e) {
        sent = CompletableFuture.completedFuture(Outcome.FAILED);
      }
      sent.whenComplete(
          (outcome, failure) -> {
            latencies[index] = System.nanoTime() - due;
            outcomes[index] = failure == null ? outcome : Outcome.FAILED;
            inFlight.release();
            answered.countDown();
          });
    }
    await(answered);
    long end = System.nanoTime();
    double seconds = (end - start) / 1e9;
    return summarize(
        rate,
        outcomes,
        latencies,
        seconds,
        (cpu.bench() - benchBefore) / seconds,
        (cpu.emulator() - emulatorBefore) / seconds);
  }

  private void await(CountDownLatch answered) {
    try {
      answered.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for answers", e);
    }
  }

  static PhaseResult summarize(
      double rate,
      Outcome[] outcomes,
      long[] latencies,
      double seconds,
      double benchCores,
      double emulatorCores) {
    int[] counts = new int[Outcome.values().length];
    List<Long> accepted = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      Outcome outcome = outcomes[i] == null ? Outcome.UNANSWERED : outcomes[i];
      counts[outcome.ordinal()]++;
      if (outcome == Outcome.ACCEPTED) {
        accepted.add(latencies[i]);
      }
    }
    return new PhaseResult(
        rate,
        outcomes.length,
        counts[Outcome.ACCEPTED.ordinal()],
        counts[Outcome.REFUSED.ordinal()],
        counts[Outcome.FAILED.ordinal()],
        counts[Outcome.SHED.ordinal()],
        counts[Outcome.UNANSWERED.ordinal()],
        seconds,
        Latency.of(accepted.stream().mapToLong(Long::longValue).toArray()),
        benchCores,
        emulatorCores);
  }
}
