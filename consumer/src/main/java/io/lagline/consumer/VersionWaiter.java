package io.lagline.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Read-your-writes for callers of the reconciled stream: {@link #await} completes once a
 * notification has shown an entity at a version or newer, that is once Cassandra holds it. Fed with
 * every notification received ({@link #accept}); remembers the highest notification of the {@code
 * maxKeys} most recently notified entities, so a wait for a version already seen completes at once.
 * Thread-safe; futures are completed outside the lock, on the thread of {@link #accept} (or of the
 * timeout).
 */
public final class VersionWaiter {
  /** Default number of entities whose highest notification is remembered. */
  public static final int DEFAULT_MAX_KEYS = 100_000;

  private final TimeoutScheduler scheduler;
  private final Map<String, Notification> highest;
  private final Map<String, List<Waiter>> waiters = new HashMap<>();

  /** A waiter remembering the highest notification of {@code maxKeys} entities (at least 1). */
  public VersionWaiter(int maxKeys) {
    this(maxKeys, TimeoutScheduler.SYSTEM);
  }

  VersionWaiter(int maxKeys, TimeoutScheduler scheduler) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
    }
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.highest =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Notification> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /** A waiter remembering {@link #DEFAULT_MAX_KEYS} entities. */
  public static VersionWaiter withDefaults() {
    return new VersionWaiter(DEFAULT_MAX_KEYS);
  }

  /**
   * A future completed with the first notification showing {@code entityKey} at {@code version} or
   * newer, at once if one was already seen (and is still remembered), or failed with {@link
   * VersionWaitTimeoutException} after {@code timeout}. Cancelling the future stops the wait.
   */
  public CompletableFuture<Notification> await(String entityKey, long version, Duration timeout) {
    Objects.requireNonNull(entityKey, "entityKey");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    Waiter waiter = new Waiter(entityKey, version, new CompletableFuture<>());
    synchronized (this) {
      Notification seen = highest.get(entityKey);
      if (seen != null && seen.reconciledVersion() >= version) {
        return CompletableFuture.completedFuture(seen);
      }
      waiters.computeIfAbsent(entityKey, k -> new ArrayList<>()).add(waiter);
    }
    waiter.future.whenComplete((n, e) -> remove(waiter));
    scheduler.schedule(
        timeout,
        () ->
            waiter.future.completeExceptionally(
                new VersionWaitTimeoutException(entityKey, version, timeout)));
    return waiter.future;
  }

  /** Takes one notification in: remembers it if it is its entity's highest, wakes its waiters. */
  public void accept(Notification notification) {
    String key = notification.entityKey();
    long version = notification.reconciledVersion();
    List<Waiter> due = new ArrayList<>();
    synchronized (this) {
      Notification seen = highest.get(key);
      if (seen == null || version > seen.reconciledVersion()) {
        highest.put(key, notification);
      }
      List<Waiter> pending = waiters.get(key);
      if (pending != null) {
        pending.removeIf(w -> w.version <= version && due.add(w));
        if (pending.isEmpty()) {
          waiters.remove(key);
        }
      }
    }
    due.forEach(w -> w.future.complete(notification));
  }

  /** The highest version seen for {@code entityKey}, or 0 when none is remembered. */
  public synchronized long highestVersion(String entityKey) {
    Notification seen = highest.get(entityKey);
    return seen == null ? 0 : seen.reconciledVersion();
  }

  /** How many waits are pending. */
  public synchronized int pending() {
    return waiters.values().stream().mapToInt(List::size).sum();
  }

  private synchronized void remove(Waiter waiter) {
    List<Waiter> pending = waiters.get(waiter.entityKey);
    if (pending != null && pending.remove(waiter) && pending.isEmpty()) {
      waiters.remove(waiter.entityKey);
    }
  }

  private record Waiter(String entityKey, long version, CompletableFuture<Notification> future) {}
}
