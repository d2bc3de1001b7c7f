package io.lagline.reconciler.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs the events of one entity one after another, and events of different entities in parallel.
 * Cassandra serializes conditional writes per partition with Paxos: several writes to one partition
 * in flight at once only contend (each round backs off and retries), so the reconciler keeps at
 * most one per entity key. The order within a key does not matter for correctness (versions
 * decide), only for contention.
 */
final class KeySequencer {
  private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

  /**
   * Runs {@code task} once every earlier task of {@code key} has finished (successfully or not).
   */
  <T> CompletableFuture<T> submit(String key, Supplier<CompletionStage<T>> task) {
    CompletableFuture<T> result;
    synchronized (this) {
      CompletableFuture<?> previous = tails.get(key);
      CompletableFuture<?> start =
          previous == null ? CompletableFuture.completedFuture(null) : previous;
      result = start.handle((ignored, error) -> null).thenCompose(ignored -> run(task));
      CompletableFuture<?> tail = result;
      tails.put(key, tail);
      tail.whenComplete(
          (value, error) -> {
            synchronized (this) {
              tails.remove(key, tail);
            }
          });
    }
    return result;
  }

  /** Entity keys with work queued or running. */
  synchronized int activeKeys() {
    return tails.size();
  }

  private static <T> CompletionStage<T> run(Supplier<CompletionStage<T>> task) {
    try {
      return task.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
