package io.lagline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Prometheus (Debian's binary) run for one test class: its own configuration scraping the
 * given targets every second with an {@code env} label, the repository's alert rules evaluated
 * every second, storage in a work directory, the HTTP API on a free loopback port. Killed by a
 * shutdown hook if the test JVM exits first.
 */
final class PrometheusServer implements AutoCloseable {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final Path logFile;
  private final Thread reaper;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  private PrometheusServer(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.reaper = new Thread(process::destroyForcibly, "prometheus-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts Prometheus and waits until it is ready.
   *
   * @param jobs job name to its one target ({@code host:port})
   */
  static PrometheusServer start(Path dir, String env, Map<String, String> jobs, Path rules) {
    try {
      Files.createDirectories(dir);
      StringBuilder config =
          new StringBuilder(
              """
              global:
                scrape_interval: 1s
                scrape_timeout: 1s
                evaluation_interval: 1s
              rule_files: ['%s']
              scrape_configs:
              """
                  .formatted(rules.toAbsolutePath()));
      jobs.forEach(
          (job, target) ->
              config.append(
                  """
                    - job_name: %s
                      static_configs:
                        - targets: ['%s']
                          labels: {env: %s}
                  """
                      .formatted(job, target, env)));
      Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
      int port = freePort();
      Path logFile = dir.resolve("prometheus.log");
      Process process =
          new ProcessBuilder(
                  List.of(
                      PrometheusBinaries.prometheus().toString(),
                      "--config.file=" + configFile,
                      "--storage.tsdb.path=" + emptyDirectory(dir.resolve("data")),
                      "--web.listen-address=127.0.0.1:" + port))
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      process.getOutputStream().close();
      PrometheusServer server = new PrometheusServer(process, port, logFile);
      Awaitility.await("Prometheus ready on port " + port + " (log " + logFile + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .failFast("Prometheus exited; log " + logFile, () -> !process.isAlive())
          .ignoreExceptions()
          .until(() -> server.get("/-/ready").statusCode() == 200);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Prometheus in " + dir, e);
    }
  }

  Path logFile() {
    return logFile;
  }

  /**
   * Evaluates an instant query now.
   *
   * @return {@code data.result}: one element per series
   * @throws IllegalStateException when Prometheus rejects the query (the message is its error)
   */
  JsonNode query(String promql) {
    JsonNode answer =
        api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return answer.path("data").path("result");
  }

  /** {@code data.groups} of {@code /api/v1/rules}: the loaded rules with their health. */
  JsonNode ruleGroups() {
    return api("/api/v1/rules").path("data").path("groups");
  }

  /** {@code data.activeTargets} of {@code /api/v1/targets}. */
  JsonNode targets() {
    return api("/api/v1/targets").path("data").path("activeTargets");
  }

  private JsonNode api(String pathAndQuery) {
    try {
      HttpResponse<String> response = get(pathAndQuery);
      JsonNode body = json.readTree(response.body());
      if (!"success".equals(body.path("status").asText())) {
        throw new IllegalStateException(
            body.path("errorType").asText() + ": " + body.path("error").asText());
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("Prometheus API " + pathAndQuery, e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(HTTP_TIMEOUT)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
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

  /** A run must not see an earlier run's series: the storage starts empty. */
  private static Path emptyDirectory(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
