package io.lagline.reconciler.apply;

import com.netflix.concurrency.limits.Limit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounds the Cassandra writes in flight by a {@link Limit}: a fixed number, or an adaptive one
 * (concurrency-limits' gradient algorithm) that each finished write feeds with its latency, so the
 * limit rises while latency holds steady (a slower link needs more writes in flight for the same
 * rate) and falls when latency climbs or writes time out (an overloaded node). A write beyond the
 * limit waits in a queue and starts when another finishes or the limit grows. Queued writes are
 * started on an executor, never on the completing thread, so a burst of completions cannot recurse
 * (the driver's own throttler overflowed the stack here when queued requests failed fast). The
 * queue itself is bounded by Pub/Sub flow control: only messages held can queue writes.
 */
final class WriteLimiter {
  private final Limit limit;
  private final Executor executor;
  private final Predicate<Throwable> overload;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param limit how many writes may run at once; sampled with each finished write
   * @param executor starts queued writes
   * @param overload which failures mean the node is overloaded (they lower an adaptive limit)
   */
  WriteLimiter(Limit limit, Executor executor, Predicate<Throwable> overload) {
    this.limit = limit;
    this.executor = executor;
    this.overload = overload;
  }

  /** Runs {@code write} now or once a slot frees; the result completes when the write does. */
  <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> write) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> start(write, result);
    boolean now;
    synchronized (this) {
      now = inFlight < limit.getLimit() && waiting.isEmpty();
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

  private <T> void start(Supplier<CompletionStage<T>> write, CompletableFuture<T> result) {
    long started = System.nanoTime();
    int running;
    synchronized (this) {
      running = inFlight;
    }
    CompletionStage<T> stage;
    try {
      stage = write.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (value, error) -> {
          boolean dropped = error != null && overload.test(error);
          limit.onSample(started, System.nanoTime() - started, running, dropped);
          release();
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        });
  }

  /** Frees a slot and hands it, and any the limit has grown by, to queued writes. */
  private void release() {
    List<Runnable> next = new ArrayList<>(1);
    synchronized (this) {
      inFlight--;
      int allowed = limit.getLimit();
      while (inFlight < allowed && !waiting.isEmpty()) {
        next.add(waiting.poll());
        inFlight++;
      }
    }
    for (Runnable write : next) {
      try {
        executor.execute(write); // never run it on this stack
      } catch (RejectedExecutionException shuttingDown) {
        write.run(); // the writers are stopping: run it here so its future completes (with the
        // session's error)
      }
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

  /** The current limit. */
  int limit() {
    return limit.getLimit();
  }
}
