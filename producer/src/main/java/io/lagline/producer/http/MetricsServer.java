package io.lagline.producer.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lagline.error.LaglineException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a producer's meters at {@code GET /metrics} in Prometheus' text format, with the JDK's
 * built-in HTTP server, for a service that embeds the producer library and has no HTTP endpoint of
 * its own (the demo does). Bind the {@link io.lagline.producer.publish.PublishMetrics} to the
 * registry first. Any other path answers 404, any other method 405.
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * metrics.bindTo(registry);
 * try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry)) {
 *   String url = server.metricsUrl(); // http://127.0.0.1:PORT/metrics
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {
  /** The one path served. */
  public static final String PATH = "/metrics";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  /** The media type of Prometheus' text format, as scrapes expect it. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private MetricsServer(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Binds {@code host:port} and starts serving.
   *
   * @param port 0 picks a free port ({@link #port()} tells which)
   * @throws LaglineException when the address cannot be bound, naming it
   */
  public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException | IllegalArgumentException e) {
      throw new LaglineException(
          "cannot serve the producer's metrics on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): choose a free port (0 picks one) or another host",
          e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "lagline-producer-metrics-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(PATH, exchange -> serve(exchange, registry));
    server.start();
    MetricsServer started = new MetricsServer(server, executor, host);
    LOG.info("producer metrics on {}", started.metricsUrl());
    return started;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Where Prometheus scrapes: {@code http://HOST:PORT/metrics}. */
  public String metricsUrl() {
    return "http://" + host + ":" + port() + PATH;
  }

  private static void serve(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    String method = exchange.getRequestMethod();
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      respond(exchange, 404, "not found: only " + PATH + " is served\n");
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      respond(exchange, 405, "method not allowed: " + method + "\n");
    } else {
      respond(exchange, 200, registry.scrape());
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.getResponseHeaders().set("Content-Type", status == 200 ? CONTENT_TYPE : "text/plain");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }

  /** Stops serving at once. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
