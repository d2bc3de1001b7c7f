package io.lagline.bench.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one fixed-rate stretch: sends fall due by a {@link RateSchedule}, each latency runs from
 * when its send was due to its answer, and at most {@code maxInFlight} sends are outstanding (one
 * due beyond that is shed and counted, not queued). A stretch ends once every send is answered or
 * {@code drainTimeout} has passed.
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

  /** Offers {@code rate} sends/s for {@code duration} and waits for the answers. */
  Slice run(String phase, double rate, Duration duration) {
    RateSchedule schedule = new RateSchedule(rate);
    int count = schedule.count(duration);
    long[] latencies = new long[count];
    Outcome[] outcomes = new Outcome[count];
    Semaphore inFlight = new Semaphore(maxInFlight);
    CountDownLatch answered = new CountDownLatch(count);
    CpuSample before = cpu.sample();
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
    double seconds = (System.nanoTime() - start) / 1e9;
    // a send still unanswered may yet write its slot: it is counted as unanswered either way
    return new Slice(outcomes.clone(), latencies.clone(), seconds, cpu.sample().minus(before));
  }

  private void await(CountDownLatch answered) {
    try {
      answered.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for answers", e);
    }
  }
}
