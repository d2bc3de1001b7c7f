package io.lagline.testkit.process;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until a service answers. Between attempts it waits on the child process's exit, so a
 * process that dies during start-up fails the wait at once instead of at the timeout.
 */
public final class Readiness {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final int CONNECT_TIMEOUT_MILLIS = 500;
  private static final int LOG_TAIL_LINES = 25;

  /**
   * One readiness check: returns normally when ready, throws when not (the last exception is
   * reported).
   */
  @FunctionalInterface
  public interface Probe {
    void check() throws Exception;
  }

  private Readiness() {}

  /**
   * Probes until it passes or {@code timeout} elapses.
   *
   * @param process the child being started, or null for a service this JVM did not start
   * @param mainLog the log whose tail goes into the error message (e.g. Cassandra's system.log), or
   *     null for the process's own output log
   */
  public static void await(
      String what, Duration timeout, ChildProcess process, Path mainLog, Probe probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      if (process != null && !process.isAlive()) {
        throw new TestkitException(
            what
                + " exited with code "
                + process.exitCode()
                + " while starting; see "
                + describe(process, mainLog),
            shownLog(process, mainLog),
            last);
      }
      try {
        probe.check();
        return;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        String where = process == null ? "" : "; see " + describe(process, mainLog);
        throw new TestkitException(
            what
                + " did not answer within "
                + timeout.toSeconds()
                + " s (last attempt: "
                + last
                + ")"
                + where,
            process == null ? null : shownLog(process, mainLog),
            last);
      }
      pause(process);
    }
  }

  /** Throws unless a TCP connection to {@code address} succeeds. */
  public static void tcpConnect(InetSocketAddress address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, CONNECT_TIMEOUT_MILLIS);
    }
  }

  private static void pause(ChildProcess process) {
    if (process != null) {
      process.awaitExit(INTERVAL);
    } else {
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new TestkitException("interrupted while waiting for a service to answer");
    }
  }

  private static Path shownLog(ChildProcess process, Path mainLog) {
    return mainLog != null ? mainLog : process.logFile();
  }

  private static String describe(ChildProcess process, Path mainLog) {
    Path shown = shownLog(process, mainLog);
    String files =
        shown.equals(process.logFile()) ? shown.toString() : shown + " and " + process.logFile();
    return files
        + System.lineSeparator()
        + "last lines of "
        + shown
        + ":"
        + System.lineSeparator()
        + LogTail.of(shown, LOG_TAIL_LINES);
  }
}
