package io.lagline.testkit.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a child process's merged stdout/stderr into a {@link CappedLogSink} on a daemon thread.
 */
final class OutputPump {
  private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);

  private final Thread thread;

  private OutputPump(Thread thread) {
    this.thread = thread;
  }

  static OutputPump start(String name, InputStream in, CappedLogSink sink) {
    Thread thread = new Thread(() -> copy(name, in, sink), "lagline-" + name + "-output");
    thread.setDaemon(true);
    thread.start();
    return new OutputPump(thread);
  }

  private static void copy(String name, InputStream in, CappedLogSink sink) {
    byte[] buffer = new byte[8192];
    try (in;
        sink) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        sink.write(buffer, 0, n);
      }
      if (sink.isCapped()) {
        LOG.warn("{} output exceeded the log cap; {} bytes discarded", name, sink.discardedBytes());
      }
    } catch (IOException e) {
      LOG.debug("{} output pump stopped: {}", name, e.toString());
    }
  }

  /** Waits for the pump to drain after the process exited. */
  void join(Duration timeout) {
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
