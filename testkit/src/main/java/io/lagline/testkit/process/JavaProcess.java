package io.lagline.testkit.process;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Java program run as its own JVM (this JVM's {@code java}), as it would be deployed: stdout and
 * stderr appended to one log file, the testkit's orphan guard as an agent so it never outlives the
 * JVM that started it, and a shutdown hook that ends it with everything else the testkit started.
 * It can be killed like a crash ({@link #kill9()}) or stopped like a pod ({@link
 * #terminate(Duration)}); {@link #httpGet} reads an admin endpoint it serves.
 */
public final class JavaProcess implements AutoCloseable {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  private JavaProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}; returns at once.
   *
   * @param name shown in messages, e.g. {@code reconciler-2}
   * @param env entries added to this JVM's environment
   */
  public static JavaProcess start(
      String name,
      List<String> jvmOptions,
      String classpath,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add(OrphanGuardJar.javaAgentFlag());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Process process = builder.start();
      ChildProcessReaper.register(process);
      process.getOutputStream().close();
      return new JavaProcess(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; -1 while it runs. */
  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /**
   * Waits until {@code condition} holds, polling every 200 ms.
   *
   * @throws TestkitException when the process exits first or the time is up, with its log tail
   */
  public JavaProcess await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw failure("exited (code " + process.exitValue() + ") before " + what);
      }
      if (System.nanoTime() > deadline) {
        throw failure("not " + what + " within " + timeout);
      }
      sleep(POLL);
    }
    return this;
  }

  /**
   * GETs {@code http://127.0.0.1:<port><path>}.
   *
   * @return the status and body; status -1 and an empty body when nothing answers
   */
  public HttpAnswer httpGet(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(HTTP_TIMEOUT)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpAnswer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new HttpAnswer(-1, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpAnswer(-1, "");
    }
  }

  /** SIGKILL, as a crash or an OOM kill would; returns once the process is gone. */
  public void kill9() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /**
   * SIGTERM, as Kubernetes stops a pod, and waits for the exit.
   *
   * @throws TestkitException when it has not exited within {@code timeout} (it is then killed)
   */
  public Exit terminate(Duration timeout) {
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
  public record Exit(int code, Duration took) {}

  /**
   * One HTTP answer.
   *
   * @param status the status code, -1 when nothing answered
   * @param body the body, empty when nothing answered
   */
  public record HttpAnswer(int status, String body) {}

  /** The last {@code lines} lines of the log. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private TestkitException failure(String what) {
    return new TestkitException(name + " " + what + "; log " + logFile + ":\n" + tail(40));
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis()); // polling a child process, bounded by the caller's timeout
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestkitException("interrupted while waiting", e);
    }
  }
}
