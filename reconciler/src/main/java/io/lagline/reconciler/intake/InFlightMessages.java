package io.lagline.reconciler.intake;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The messages received and not yet replied to, so that shutdown can wait for them and nack the
 * rest. Each message is replied to exactly once, whoever gets there first.
 */
final class InFlightMessages {
  /** One received message's reply. */
  static final class Reply {
    private final AckReplyConsumer consumer;
    private final long receivedNanos;
    private final AtomicBoolean done = new AtomicBoolean();

    private Reply(AckReplyConsumer consumer, long receivedNanos) {
      this.consumer = consumer;
      this.receivedNanos = receivedNanos;
    }

    /** Acks unless already replied; true if this call replied. */
    boolean ack() {
      if (!done.compareAndSet(false, true)) {
        return false;
      }
      consumer.ack();
      return true;
    }

    /** Nacks unless already replied; true if this call replied. */
    boolean nack() {
      if (!done.compareAndSet(false, true)) {
        return false;
      }
      consumer.nack();
      return true;
    }
  }

  private final Set<Reply> open = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  // start-up counts as progress: nothing was held before
  private volatile long lastReplyNanos = System.nanoTime();

  /** Tracks a newly received message. */
  Reply track(AckReplyConsumer consumer) {
    Reply reply = new Reply(consumer, System.nanoTime());
    open.add(reply);
    return reply;
  }

  /** Stops tracking a replied message. */
  void done(Reply reply) {
    lastReplyNanos = System.nanoTime();
    open.remove(reply);
    if (open.isEmpty()) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  /** Seconds since the oldest message not yet replied to was received; 0 when none is open. */
  double oldestAgeSeconds() {
    long now = System.nanoTime();
    long oldest = 0;
    for (Reply reply : open) {
      oldest = Math.max(oldest, now - reply.receivedNanos);
    }
    return oldest / 1e9;
  }

  /**
   * Seconds messages have been held with none replied to (see {@link #stalledSeconds}); 0 when none
   * is open.
   */
  double stalledSeconds() {
    long now = System.nanoTime();
    boolean any = false;
    long oldest = now;
    for (Reply reply : open) {
      any = true;
      oldest = Math.min(oldest, reply.receivedNanos);
    }
    return any ? stalledSeconds(oldest, lastReplyNanos, now) : 0;
  }

  /**
   * How long intake has made no progress while holding messages: since the last reply, or since the
   * oldest held message arrived if that was later (a quiet spell before it is no stall).
   */
  static double stalledSeconds(long oldestReceivedNanos, long lastReplyNanos, long nowNanos) {
    return Math.max(0, nowNanos - Math.max(oldestReceivedNanos, lastReplyNanos)) / 1e9;
  }

  /** Messages not yet replied to. */
  int size() {
    return open.size();
  }

  /**
   * Waits up to {@code timeout} for every tracked message to be replied to.
   *
   * @return true if none is left
   */
  boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!open.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  /**
   * Nacks every message still open.
   *
   * @return how many this call nacked
   */
  int nackAll() {
    int nacked = 0;
    for (Reply reply : Set.copyOf(open)) {
      if (reply.nack()) {
        nacked++;
      }
      open.remove(reply);
    }
    return nacked;
  }
}
