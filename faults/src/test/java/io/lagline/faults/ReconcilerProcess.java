package io.lagline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A reconciler running as its own JVM ({@code reconciler run --config FILE}), as in production: its
 * admin endpoint on a free loopback port, its audit trail of row outcomes on, stdout and stderr to
 * one log file per start. It can be killed like a crash ({@link #kill9()}) or stopped like a pod
 * ({@link #terminate(Duration)}). Every process still alive when the test JVM exits is killed by a
 * shutdown hook; {@link #close()} kills it earlier.
 */
final class ReconcilerProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(200);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(Process::destroyForcibly), "faults-reconciler-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path logFile;
  private final int adminPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  private ReconcilerProcess(String name, Process process, Path logFile, int adminPort) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
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
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(ReconcilerCommand.run(configFile))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("LAGLINE_ADMIN_HOST", "127.0.0.1");
    builder.environment().put("LAGLINE_ADMIN_PORT", Integer.toString(port));
    builder.environment().put("LAGLINE_OUTCOME_LOG_LEVEL", "DEBUG");
    builder.environment().putAll(env);
    try {
      Files.createDirectories(logFile.getParent());
      Process process = builder.start();
      LIVE.add(process);
      process.onExit().thenRun(() -> LIVE.remove(process));
      process.getOutputStream().close();
      return new ReconcilerProcess(name, process, logFile, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  int adminPort() {
    return adminPort;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until {@code /health/ready} answers 200.
   *
   * @throws IllegalStateException when the process exits or is not ready in time, with its log tail
   */
  ReconcilerProcess awaitReady(Duration timeout) {
    try {
      Awaitility.await(name + " ready")
          .atMost(timeout)
          .pollInterval(POLL)
          .failFast(name + " exited before it was ready", () -> !process.isAlive())
          .until(() -> readyStatus() == 200);
      return this;
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw failure(e.getMessage());
    }
  }

  /** The status of {@code /health/ready}; -1 when the endpoint does not answer. */
  int readyStatus() {
    try {
      return get("/health/ready").statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The Prometheus text of {@code /metrics}; empty when the endpoint does not answer. */
  String metrics() {
    try {
      return get("/metrics").body();
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGKILL, as a crash or an OOM kill would; returns once the process is gone. */
  void kill9() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /**
   * SIGTERM, as Kubernetes stops a pod, and waits for the exit.
   *
   * @return the exit code and how long the process took to exit
   * @throws IllegalStateException when it has not exited within {@code timeout} (it is then killed)
   */
  Exit terminate(Duration timeout) {
    long start = System.nanoTime();
    process.destroy();
    if (!awaitExit(timeout)) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
      throw failure("did not exit within " + timeout + " of SIGTERM; killed");
    }
    return new Exit(process.exitValue(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill9();
    }
  }

  /**
   * How a process ended.
   *
   * @param code its exit code
   * @param took from the signal to the exit
   */
  record Exit(int code, Duration took) {}

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .timeout(HTTP_TIMEOUT)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private IllegalStateException failure(String what) {
    return new IllegalStateException(name + " " + what + "; log " + logFile + ":\n" + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
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
