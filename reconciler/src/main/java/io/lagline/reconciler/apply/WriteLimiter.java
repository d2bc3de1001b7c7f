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
import java.util.function.Function;
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
 *
 * <p>Only writes whose latency says something about the node's load feed the limit: a failure that
 * came back at once (node unreachable, connection refused) would drag the long-term latency towards
 * zero, and the gradient would then take the first normal latencies after an outage for overload
 * and cut the limit to its floor for minutes. Outages are the outage guard's business.
 */
final class WriteLimiter {
  /** What a finished write tells the limit. */
  enum Signal {
    /** A normal answer: its latency is a sample. */
    LATENCY,
    /** The node was too busy (a timeout, an overload answer): a sample marked as a drop. */
    OVERLOAD,
    /** Nothing about the node's load (it is unreachable, or the statement was wrong): no sample. */
    NONE
  }

  private final Limit limit;
  private final Executor executor;
  private final Function<Throwable, Signal> signal;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param limit how many writes may run at once; sampled with each finished write
   * @param executor starts queued writes
   * @param signal what a failed write tells the limit (a successful one is always a latency sample)
   */
  WriteLimiter(Limit limit, Executor executor, Function<Throwable, Signal> signal) {
    this.limit = limit;
    this.executor = executor;
    this.signal = signal;
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
          Signal said = error == null ? Signal.LATENCY : signal.apply(error);
          if (said != Signal.NONE) {
            limit.onSample(started, System.nanoTime() - started, running, said == Signal.OVERLOAD);
          }
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
