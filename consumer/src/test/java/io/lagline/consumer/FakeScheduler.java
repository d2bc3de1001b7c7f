package io.lagline.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link TimeoutScheduler} on a hand-moved clock: {@link #advance} runs what fell due. */
final class FakeScheduler implements TimeoutScheduler {
  private record Task(Duration due, Runnable task) {}

  private final List<Task> tasks = new ArrayList<>();
  private Duration now = Duration.ZERO;

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(now.plus(delay), task));
  }

  void advance(Duration by) {
    List<Task> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(by);
      tasks.removeIf(t -> t.due().compareTo(now) <= 0 && due.add(t));
    }
    due.forEach(t -> t.task().run());
  }
}
