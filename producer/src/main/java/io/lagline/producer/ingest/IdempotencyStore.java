package io.lagline.producer.ingest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Remembers the reply to each {@code Idempotency-Key} for a time-to-live, so that a retried request
 * gets the first reply (the same {@code event_id}) instead of publishing again. Bounded: past its
 * capacity the oldest key is forgotten. In memory and per replica: behind a load balancer a retry
 * that reaches another replica publishes again, which is why callers should also send their own
 * {@code event_id} (the reconciler ignores a duplicate event). A second request with a key whose
 * first is still in flight waits for the first's reply.
 */
public final class IdempotencyStore {
  /** What {@link #claim} found. */
  public sealed interface Claim {}

  /**
   * The key is new: the caller handles the request and must {@link #complete} or {@link #forget}
   * it.
   */
  public record First(CompletableFuture<Reply> reply) implements Claim {}

  /** The key was seen with the same request: answer with its reply, once complete. */
  public record Replay(CompletableFuture<Reply> reply) implements Claim {}

  /** The key was seen with another request body: refuse (422). */
  public record Mismatch() implements Claim {}

  private record Entry(String fingerprint, CompletableFuture<Reply> reply, long expiresAtNanos) {}

  private final long ttlNanos;
  private final int capacity;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  /**
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  public IdempotencyStore(java.time.Duration ttl, int capacity, LongSupplier nanoTime) {
    if (ttl.isNegative() || ttl.isZero() || capacity < 1) {
      throw new IllegalArgumentException(
          "ttl (" + ttl + ") and capacity (" + capacity + ") must be positive");
    }
    this.ttlNanos = ttl.toNanos();
    this.capacity = capacity;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Claims {@code key} for a request whose body has {@code fingerprint} (e.g. its SHA-256).
   *
   * @param key the caller's key, scoped by the caller's identity
   */
  public synchronized Claim claim(String key, String fingerprint) {
    long now = nanoTime.getAsLong();
    expire(now);
    Entry entry = entries.get(key);
    if (entry != null) {
      return entry.fingerprint().equals(fingerprint) ? new Replay(entry.reply()) : new Mismatch();
    }
    if (entries.size() >= capacity) {
      Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    entries.put(key, new Entry(fingerprint, reply, now + ttlNanos));
    return new First(reply);
  }

  /**
   * Keeps {@code reply} for {@code key} when it is {@link Reply#replayable()}, else forgets the
   * key.
   */
  public void complete(String key, First claim, Reply reply) {
    if (!reply.replayable()) {
      forget(key, claim);
    }
    claim.reply().complete(reply);
  }

  /** Forgets {@code key}, if it is still {@code claim}'s, so that a retry is handled anew. */
  public synchronized void forget(String key, First claim) {
    Entry entry = entries.get(key);
    if (entry != null && entry.reply() == claim.reply()) {
      entries.remove(key);
    }
  }

  /** Keys held now, expired ones not counted. */
  public synchronized int size() {
    expire(nanoTime.getAsLong());
    return entries.size();
  }

  private void expire(long now) {
    // insertion order is expiry order: every entry lives for the same ttl
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      if (it.next().expiresAtNanos() - now > 0) {
        return;
      }
      it.remove();
    }
  }
}
