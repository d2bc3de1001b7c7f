package io.lagline.testkit.process;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process whose merged stdout/stderr goes to a capped log file, and which is ended when
 * this JVM exits ({@link ChildProcessReaper}). Stopping sends SIGTERM and escalates to SIGKILL
 * after a grace period.
 */
public final class ChildProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration PUMP_DRAIN = Duration.ofSeconds(5);
  private static final Duration KILL_WAIT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final OutputPump pump;
  private final Path logFile;
  private volatile boolean frozen;

  private ChildProcess(String name, Process process, OutputPump pump, Path logFile) {
    this.name = name;
    this.process = process;
    this.pump = pump;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command}. {@code env} entries are added to this JVM's environment; a {@code null}
   * value removes the variable.
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path logFile, long logCapBytes) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    env.forEach(
        (key, value) -> {
          if (value == null) {
            builder.environment().remove(key);
          } else {
            builder.environment().put(key, value);
          }
        });
    try {
      CappedLogSink sink = CappedLogSink.open(logFile, logCapBytes);
      Process process = builder.start();
      ChildProcessReaper.register(process);
      process.getOutputStream().close();
      OutputPump pump = OutputPump.start(name, process.getInputStream(), sink);
      LOG.debug("started {} (pid {}): {}", name, process.pid(), command);
      return new ChildProcess(name, process, pump, logFile);
    } catch (IOException e) {
      throw new TestkitException(
          "could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), logFile, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only meaningful once {@link #isAlive()} is false. */
  int exitCode() {
    return process.exitValue();
  }

  /** Waits up to {@code timeout} for the process to exit; true if it has. */
  boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /**
   * Freezes the process and its descendants (SIGSTOP): it stays alive and keeps its sockets open,
   * but answers nothing, as a long GC pause or a stalled VM would. Idempotent.
   */
  public synchronized void freeze() {
    if (isAlive() && !frozen) {
      ProcessSignals.send("STOP", process.toHandle());
      frozen = true;
      LOG.debug("{} (pid {}) frozen", name, pid());
    }
  }

  /** Resumes a frozen process and its descendants (SIGCONT). Idempotent. */
  public synchronized void thaw() {
    if (frozen) {
      frozen = false;
      if (isAlive()) {
        ProcessSignals.send("CONT", process.toHandle());
        LOG.debug("{} (pid {}) thawed", name, pid());
      }
    }
  }

  public boolean isFrozen() {
    return frozen;
  }

  /**
   * SIGTERM, then SIGKILL if the process is still running after {@code grace}; a frozen process is
   * thawed first, so it can stop gracefully.
   */
  public void stop(Duration grace) {
    thaw();
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    if (!awaitExit(grace)) {
      LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, pid(), grace.toSeconds());
      process.destroyForcibly();
      awaitExit(KILL_WAIT);
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
    pump.join(PUMP_DRAIN);
  }

  /** SIGKILL, as a crash would; returns once the process is gone. */
  public void kill() {
    thaw();
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(KILL_WAIT)) {
      throw new TestkitException(
          name + " (pid " + pid() + ") survived SIGKILL for " + KILL_WAIT, logFile, null);
    }
    pump.join(PUMP_DRAIN);
  }
}
