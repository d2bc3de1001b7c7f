package io.lagline.reconciler.apply;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Bounds the Cassandra writes in flight: a write beyond the limit waits in a queue and starts when
 * another finishes. Queued writes are started on an executor, never on the completing thread, so a
 * burst of completions cannot recurse (the driver's own throttler overflowed the stack here when
 * queued requests failed fast). The queue itself is bounded by Pub/Sub flow control: only messages
 * held can queue writes.
 */
final class WriteLimiter {
  private final int limit;
  private final Executor executor;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  WriteLimiter(int limit, Executor executor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    this.limit = limit;
    this.executor = executor;
  }

  /** Runs {@code write} now or once a slot frees; the result completes when the write does. */
  <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> write) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start =
        () -> {
          CompletionStage<T> stage;
          try {
            stage = write.get();
          } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
          }
          stage.whenComplete(
              (value, error) -> {
                release();
                if (error != null) {
                  result.completeExceptionally(error);
                } else {
                  result.complete(value);
                }
              });
        };
    boolean now;
    synchronized (this) {
      now = inFlight < limit;
      if (now) {
        inFlight++;
      } else {
        waiting.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result;
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inFlight--;
        return;
      }
    }
    try {
      executor.execute(next); // the slot passes to the next write; never run it on this stack
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      next.run(); // the writers are stopping: run it here so its future completes (with the
      // session's error)
    }
  }

  /** Writes running now. */
  synchronized int inFlight() {
    return inFlight;
  }

  /** Writes waiting for a slot. */
  synchronized int queued() {
    return waiting.size();
  }
}
