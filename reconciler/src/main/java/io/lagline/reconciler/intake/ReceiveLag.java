package io.lagline.reconciler.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * How far behind its subscription the reconciler is receiving: the age (now minus Pub/Sub's publish
 * time) of the oldest message received in the last {@link #WINDOW}, and 0 when none was received in
 * it. The signal the reconciler is scaled on (README, "Scaling on lag").
 *
 * <p>With a backlog, the messages received were published long ago and the age grows with the
 * backlog; with none, it is at most the window plus the delivery latency: a steady stream reads
 * about {@link #WINDOW}, an idle subscription carrying only the producers' heartbeats (every 10 s
 * by default) saws between 0 and about the heartbeat interval. The window bounds how long one
 * receipt counts: when nothing arrives (no heartbeats, a stream down, a reconciler whose held
 * messages never complete) the value falls to 0 a window after the last receipt instead of freezing
 * at its last, possibly high, value or growing without a message to prove a backlog. A stuck
 * reconciler is not lag that more replicas would fix; {@code stalled_for} and the watermark alert
 * report it. Taking the oldest of a window, not the latest message, keeps out-of-order delivery
 * from hiding a backlog behind one fresh message.
 *
 * <p>Receipts are kept per second in a ring of {@link #WINDOW} slots (the oldest publish time of
 * each), so memory is fixed whatever the rate.
 */
final class ReceiveLag {
  /** How long one received message counts toward the value. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  private static final int SLOTS = (int) WINDOW.toSeconds();

  private final Clock clock;
  private final long[] slotSecond = new long[SLOTS];
  private final long[] slotOldestPublishMillis = new long[SLOTS];

  ReceiveLag(Clock clock) {
    this.clock = clock;
    Arrays.fill(slotSecond, Long.MIN_VALUE);
  }

  /** Notes a message published at {@code publishTime} received now. */
  synchronized void received(Instant publishTime) {
    long second = clock.instant().getEpochSecond();
    int slot = Math.floorMod(second, SLOTS);
    long publishMillis = publishTime.toEpochMilli();
    if (slotSecond[slot] != second) {
      slotSecond[slot] = second;
      slotOldestPublishMillis[slot] = publishMillis;
    } else {
      slotOldestPublishMillis[slot] = Math.min(slotOldestPublishMillis[slot], publishMillis);
    }
  }

  /**
   * Seconds since the publish time of the oldest message received in the last {@link #WINDOW}; 0
   * when none was.
   */
  synchronized double seconds() {
    Instant now = clock.instant();
    long second = now.getEpochSecond();
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < SLOTS; i++) {
      if (slotSecond[i] > second - SLOTS && slotSecond[i] <= second) {
        oldest = Math.min(oldest, slotOldestPublishMillis[i]);
      }
    }
    if (oldest == Long.MAX_VALUE) {
      return 0;
    }
    return Math.max(0, now.toEpochMilli() - oldest) / 1000.0;
  }
}
