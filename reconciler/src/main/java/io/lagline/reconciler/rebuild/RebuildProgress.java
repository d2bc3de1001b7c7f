package io.lagline.reconciler.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where a rebuild stands: the messages of the window received and not yet settled (by message id,
 * so a nacked one stays unsettled until its redelivery is acked), the counts by what happened to
 * them, and the publish time reached. A rebuild is done when nothing of the window is unsettled and
 * none of it was received for a quiet period: Pub/Sub hands a fresh subscription's backlog out at
 * once, so a window message that has not come by then is not coming. The quiet period counts from
 * when the subscriber started pulling ({@link #pulling()}); before the first window message it is
 * {@value #FIRST_MESSAGE_PATIENCE} times as long, so a slow first delivery never ends a rebuild
 * that has written nothing. Thread-safe.
 */
public final class RebuildProgress {
  /** How many quiet periods a rebuild waits for its first window message. */
  static final int FIRST_MESSAGE_PATIENCE = 3;

  private final Instant since;
  private final Instant until;
  private final LongSupplier nanos;
  private final long startNanos;
  private final Set<String> unsettled = ConcurrentHashMap.newKeySet();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong settled = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong beyond = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong positionMillis;
  private final AtomicLong firstReceiptNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastReceiptNanos;
  private final AtomicLong lastSettleNanos;

  /**
   * @param since where the replay starts (for a snapshot: when the rebuild started, minus nothing
   *     known; used only for the share done)
   * @param until messages published after this are not rebuilt
   * @param nanos a monotonic clock, {@link System#nanoTime()} in production
   */
  public RebuildProgress(Instant since, Instant until, LongSupplier nanos) {
    this.since = since;
    this.until = until;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
    this.positionMillis = new AtomicLong(Long.MIN_VALUE);
    this.lastReceiptNanos = new AtomicLong(startNanos);
    this.lastSettleNanos = new AtomicLong(startNanos);
  }

  /** The subscriber started pulling: the quiet period counts from now. */
  public void pulling() {
    lastReceiptNanos.set(nanos.getAsLong());
  }

  /** A window message was received: it is unsettled until {@link #settled(String)}. */
  public void received(String messageId, Instant published) {
    long now = nanos.getAsLong();
    firstReceiptNanos.compareAndSet(Long.MIN_VALUE, now);
    lastReceiptNanos.set(now);
    received.incrementAndGet();
    unsettled.add(messageId);
    positionMillis.accumulateAndGet(published.toEpochMilli(), Math::max);
  }

  /** The message was acked: written, found already written, or poison handled. */
  public void settled(String messageId) {
    lastSettleNanos.set(nanos.getAsLong());
    settled.incrementAndGet();
    unsettled.remove(messageId);
  }

  /** The message was nacked: Pub/Sub delivers it again, and it stays unsettled until then. */
  public void redelivery() {
    redelivered.incrementAndGet();
  }

  /** A message published after {@code until}: acked unwritten (the running reconcilers have it). */
  public void beyondUntil() {
    beyond.incrementAndGet();
  }

  /** A window message whose event writes none of the tables rebuilt: acked unwritten. */
  public void notInTables(Instant published) {
    lastReceiptNanos.set(nanos.getAsLong());
    skipped.incrementAndGet();
    positionMillis.accumulateAndGet(published.toEpochMilli(), Math::max);
  }

  /**
   * True when nothing of the window is unsettled and none of it arrived for {@code quiet} ({@value
   * #FIRST_MESSAGE_PATIENCE} times that while none has arrived at all).
   */
  public boolean done(Duration quiet) {
    boolean none = received.get() == 0 && skipped.get() == 0;
    Duration wait = none ? quiet.multipliedBy(FIRST_MESSAGE_PATIENCE) : quiet;
    return unsettled.isEmpty() && nanos.getAsLong() - lastReceiptNanos.get() >= wait.toNanos();
  }

  /** How long no window message has arrived. */
  public Duration quietFor() {
    return Duration.ofNanos(Math.max(0, nanos.getAsLong() - lastReceiptNanos.get()));
  }

  /** The newest publish time of a window message received; {@code since} before the first. */
  public Instant position() {
    long millis = positionMillis.get();
    return millis == Long.MIN_VALUE ? since : Instant.ofEpochMilli(millis);
  }

  /** Share of the window's publish-time span reached, in [0, 1]. */
  public double share() {
    long span = until.toEpochMilli() - since.toEpochMilli();
    if (span <= 0) {
      return 1;
    }
    return Math.min(
        1, Math.max(0, (position().toEpochMilli() - since.toEpochMilli()) / (double) span));
  }

  /**
   * Time left at the pace the publish-time position has moved since the first message; empty before
   * that pace is known.
   */
  public Optional<Duration> remaining() {
    if (!until.isAfter(since)) {
      return Optional.empty();
    }
    long first = firstReceiptNanos.get();
    long elapsed = nanos.getAsLong() - first;
    long covered = position().toEpochMilli() - since.toEpochMilli();
    if (first == Long.MIN_VALUE || elapsed <= 0 || covered <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, until.toEpochMilli() - position().toEpochMilli());
    return Optional.of(Duration.ofNanos((long) (elapsed * (left / (double) covered))));
  }

  /**
   * Window messages settled per second, from the first received to the last settled: the rebuild's
   * rate, without the start-up before it and the quiet period after.
   */
  public double settledPerSecond() {
    long first = firstReceiptNanos.get();
    long span = lastSettleNanos.get() - first;
    if (first == Long.MIN_VALUE || span <= 0) {
      return 0;
    }
    return settled.get() / (span / 1e9);
  }

  /** Seconds from the first window message to the last settle; 0 before. */
  public double activeSeconds() {
    long first = firstReceiptNanos.get();
    return first == Long.MIN_VALUE ? 0 : Math.max(0, lastSettleNanos.get() - first) / 1e9;
  }

  public long received() {
    return received.get();
  }

  public long settled() {
    return settled.get();
  }

  public long redelivered() {
    return redelivered.get();
  }

  public long beyond() {
    return beyond.get();
  }

  public long skipped() {
    return skipped.get();
  }

  public int unsettled() {
    return unsettled.size();
  }

  public Instant since() {
    return since;
  }

  public Instant until() {
    return until;
  }
}
