package io.lagline.bench.ingest;

import java.time.Duration;

/**
 * An open-loop clock: send {@code i} is due {@code i / perSecond} seconds after the start, whatever
 * happened to the sends before it, so a slow answer delays no later send and every latency is
 * measured from when the send was due (no coordinated omission).
 *
 * @param perSecond sends per second, positive and finite
 */
record RateSchedule(double perSecond) {
  RateSchedule {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be positive and finite, was " + perSecond);
    }
  }

  /** Nanoseconds after the start at which send {@code i} is due (rounded up). */
  long dueNanos(long i) {
    return (long) Math.ceil(i * 1e9 / perSecond);
  }

  /** Sends in {@code duration} at this rate, at least one. */
  int count(Duration duration) {
    return (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
  }
}
