package io.lagline.demo;

import java.io.File;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Prometheus for {@code --keep-running}, where one is installed (Debian's {@code prometheus}, on
 * the PATH or in /usr/bin): a child process on a free loopback port with its storage in a temporary
 * directory (deleted when it stops), scraping the demo's endpoints every {@link #SCRAPE_INTERVAL}
 * as jobs {@code lagline-reconciler} and {@code lagline-producer} with {@code env="demo"}, and
 * evaluating the repository's alert rules. Stopped by {@link #close()}, by a shutdown hook if the
 * JVM exits first, and, where util-linux' {@code setpriv} is present, by the kernel when the thread
 * that started it dies (a killed demo leaves no Prometheus behind).
 */
final class DemoPrometheus implements AutoCloseable {
  /** How often the endpoints are scraped and the rules evaluated. */
  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);

  /** The {@code env} label the dashboard's variable and the alert rules group by. */
  static final String ENV = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoPrometheus.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final Process process;
  private final Path dir;
  private final int port;
  private final Thread reaper;

  private DemoPrometheus(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.reaper = new Thread(process::destroyForcibly, "lagline-demo-prometheus-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts Prometheus when it is installed and waits until it is ready; empty (said in one INFO
   * line) when it is not installed, or (a WARN naming its log) when it does not start.
   *
   * @param jobs job name to its one target, {@code host:port}
   * @param rules the alert rules to load, if found
   */
  static Optional<DemoPrometheus> startIfInstalled(Map<String, String> jobs, Optional<Path> rules) {
    Optional<Path> binary = binary();
    if (binary.isEmpty()) {
      LOG.info(
          "prometheus is not installed (not on the PATH nor /usr/bin/prometheus): going on without"
              + " it; `apt-get install prometheus` adds one with the alert rules");
      return Optional.empty();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("lagline-demo-prometheus-");
      return Optional.of(start(binary.get(), dir, jobs, rules));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "prometheus did not start ({}); going on without it; its log: {}",
          e.getMessage(),
          dir == null ? "none" : dir.resolve("prometheus.log"));
      return Optional.empty();
    }
  }

  /** Prometheus' web UI and API: {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  private static DemoPrometheus start(
      Path binary, Path dir, Map<String, String> jobs, Optional<Path> rules) throws IOException {
    Path config = Files.writeString(dir.resolve("prometheus.yml"), config(jobs, rules));
    int port = freePort();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETPRIV)) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    command.addAll(
        List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("data")),
            "--web.listen-address=127.0.0.1:" + port));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    process.getOutputStream().close();
    DemoPrometheus prometheus = new DemoPrometheus(process, dir, port);
    try {
      prometheus.awaitReady();
    } catch (RuntimeException e) {
      prometheus.stop();
      throw e;
    }
    LOG.info(
        "prometheus up on {}, scraping {} every {} s{}",
        prometheus.url(),
        String.join(" and ", jobs.keySet()),
        SCRAPE_INTERVAL.toSeconds(),
        rules.map(r -> ", alert rules from " + r).orElse(" (alert rules not found)"));
    return prometheus;
  }

  static String config(Map<String, String> jobs, Optional<Path> rules) {
    StringBuilder yaml =
        new StringBuilder()
            .append("# written by bin/demo --keep-running\nglobal:\n")
            .append("  scrape_interval: ")
            .append(SCRAPE_INTERVAL.toSeconds())
            .append("s\n  evaluation_interval: ")
            .append(SCRAPE_INTERVAL.toSeconds())
            .append("s\n");
    rules.ifPresent(r -> yaml.append("rule_files: ['").append(r.toAbsolutePath()).append("']\n"));
    yaml.append("scrape_configs:\n");
    jobs.forEach(
        (job, target) ->
            yaml.append("  - job_name: ")
                .append(job)
                .append("\n    static_configs:\n      - targets: ['")
                .append(target)
                .append("']\n        labels: {env: ")
                .append(ENV)
                .append("}\n"));
    return yaml.toString();
  }

  /** Prometheus on the PATH, else /usr/bin/prometheus. */
  static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "prometheus"));
        }
      }
    }
    candidates.add(Path.of("/usr/bin/prometheus"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("it exited with code " + process.exitValue());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for it", e);
      }
      sleep(Duration.ofMillis(250)); // polling a child process for readiness, bounded above
    }
    throw new IllegalStateException("not ready within " + READY_TIMEOUT.toSeconds() + " s");
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 20 s) and deletes its directory. */
  @Override
  public void close() {
    stop();
    deleteRecursively(dir);
    LOG.info("prometheus stopped");
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.debug("cannot delete {}", dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for it", e);
    }
  }
}
