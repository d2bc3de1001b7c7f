package io.lagline.testkit.proxy;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a proxy refuses new connections, and refusals that end by themselves after a while (on a
 * daemon timer thread {@code proxy-<name>-timer}, started on first use). The last call wins: a
 * {@link #set} or a newer {@link #setFor} cancels the end of an earlier {@link #setFor}.
 */
final class RefusalSwitch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalSwitch.class);

  private final String proxyName;
  private final ScheduledThreadPoolExecutor timer;
  private long generation; // guarded by this: a timed end applies only if nothing changed since
  private volatile boolean refusing;

  RefusalSwitch(String proxyName) {
    this.proxyName = proxyName;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            body -> {
              Thread thread = new Thread(body, "proxy-" + proxyName + "-timer");
              thread.setDaemon(true);
              return thread;
            });
    this.timer.setRemoveOnCancelPolicy(true);
  }

  boolean isOn() {
    return refusing;
  }

  synchronized void set(boolean on) {
    generation++;
    apply(on);
  }

  /** Refuses now and stops refusing after {@code duration}, unless changed meanwhile. */
  void setFor(Duration duration) {
    long mine;
    synchronized (this) {
      mine = ++generation;
      apply(true);
    }
    timer.schedule(() -> endIfUnchanged(mine), duration.toNanos(), TimeUnit.NANOSECONDS);
  }

  private synchronized void endIfUnchanged(long expected) {
    if (generation == expected) {
      apply(false);
    }
  }

  private void apply(boolean on) {
    if (refusing != on) {
      refusing = on;
      LOG.debug("proxy {}: {} new connections", proxyName, on ? "refusing" : "accepting");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
