package io.lagline.faults;

import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.process.JavaProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reconciler running as its own JVM ({@code reconciler run --config FILE}), as in production: its
 * admin endpoint on a free loopback port, its audit trail of row outcomes on, stdout and stderr to
 * one log file per start. It can be killed like a crash ({@link #kill9()}) or stopped like a pod
 * ({@link #terminate(Duration)}); the testkit's {@link JavaProcess} runs it.
 */
final class ReconcilerProcess implements AutoCloseable {
  private final JavaProcess process;
  private final int adminPort;

  private ReconcilerProcess(JavaProcess process, int adminPort) {
    this.process = process;
    this.adminPort = adminPort;
  }

  /**
   * Starts a reconciler; returns at once (see {@link #awaitReady(Duration)}).
   *
   * @param name shown in messages, e.g. {@code reconciler-2}
   * @param env environment entries on top of the defaults (admin port, outcome log level)
   */
  static ReconcilerProcess start(
      String name, Path configFile, Path logFile, Map<String, String> env) {
    return start(name, configFile, logFile, env, Launch.PLAIN);
  }

  /**
   * As above, with {@code launch}'s JVM flags and class path entries added (a driver option as a
   * {@code -Ddatastax-java-driver.*} system property, and the class it names).
   */
  static ReconcilerProcess start(
      String name, Path configFile, Path logFile, Map<String, String> env, Launch launch) {
    int port = freePort();
    Map<String, String> all = new HashMap<>();
    all.put("LAGLINE_ADMIN_HOST", "127.0.0.1");
    all.put("LAGLINE_ADMIN_PORT", Integer.toString(port));
    all.put("LAGLINE_OUTCOME_LOG_LEVEL", "DEBUG");
    all.putAll(env);
    JavaProcess process =
        JavaProcess.start(
            name,
            Stream.concat(ReconcilerCommand.jvmOptions().stream(), launch.jvmOptions().stream())
                .toList(),
            launch.classpath().isEmpty()
                ? ReconcilerCommand.classpath()
                : ReconcilerCommand.classpath() + File.pathSeparator + launch.classpath(),
            ReconcilerMain.class.getName(),
            ReconcilerCommand.runArgs(configFile),
            all,
            logFile);
    return new ReconcilerProcess(process, port);
  }

  String name() {
    return process.name();
  }

  Path logFile() {
    return process.logFile();
  }

  int adminPort() {
    return adminPort;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; -1 while it runs. */
  int exitCode() {
    return process.exitCode();
  }

  /**
   * Waits until {@code /health/ready} answers 200.
   *
   * @throws IllegalStateException when the process exits or is not ready in time, with its log tail
   */
  ReconcilerProcess awaitReady(Duration timeout) {
    try {
      process.await("ready", timeout, () -> readyStatus() == 200);
      return this;
    } catch (TestkitException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The status of {@code /health/ready}; -1 when the endpoint does not answer. */
  int readyStatus() {
    return process.httpGet(adminPort, "/health/ready").status();
  }

  /** The Prometheus text of {@code /metrics}; empty when the endpoint does not answer. */
  String metrics() {
    return process.httpGet(adminPort, "/metrics").body();
  }

  /** SIGKILL, as a crash or an OOM kill would; returns once the process is gone. */
  void kill9() {
    process.kill9();
  }

  /**
   * SIGTERM, as Kubernetes stops a pod, and waits for the exit.
   *
   * @return the exit code and how long the process took to exit
   * @throws IllegalStateException when it has not exited within {@code timeout} (it is then killed)
   */
  Exit terminate(Duration timeout) {
    try {
      JavaProcess.Exit exit = process.terminate(timeout);
      return new Exit(exit.code(), exit.took());
    } catch (TestkitException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    process.close();
  }

  /**
   * How a process ended.
   *
   * @param code its exit code
   * @param took from the signal to the exit
   */
  record Exit(int code, Duration took) {}

  /**
   * What one start adds to the reconciler's command line.
   *
   * @param jvmOptions flags after the heap size
   * @param classpath entries after the reconciler's own, empty for none
   */
  record Launch(List<String> jvmOptions, String classpath) {
    static final Launch PLAIN = new Launch(List.of(), "");

    Launch {
      jvmOptions = List.copyOf(jvmOptions);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
