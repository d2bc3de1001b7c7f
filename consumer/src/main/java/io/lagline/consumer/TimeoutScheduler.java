package io.lagline.consumer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: the clock boundary of {@link VersionWaiter}; tests pass a fake. */
@FunctionalInterface
interface TimeoutScheduler {
  /** The JDK's shared delay thread ({@link CompletableFuture#delayedExecutor}); nothing to stop. */
  TimeoutScheduler SYSTEM =
      (delay, task) ->
          CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);

  void schedule(Duration delay, Runnable task);
}
