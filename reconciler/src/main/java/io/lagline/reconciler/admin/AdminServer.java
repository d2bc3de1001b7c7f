package io.lagline.reconciler.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lagline.reconciler.config.ReconcilerKey;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint, served by the JDK's built-in server: {@code /metrics} (Prometheus text
 * format; with Prometheus' {@code name[]} parameters, only the families named, which costs a poller
 * far less than the whole page), {@code /health/live} (the process can still do its job: the
 * subscriber has not failed) and {@code /health/ready} (every readiness {@link HealthCheck} holds);
 * 503 and the failing checks otherwise.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving.
   *
   * @throws io.lagline.error.LaglineException when the address cannot be bound (names
   *     admin.host/admin.port)
   */
  public static AdminServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      List<HealthCheck> liveness,
      List<HealthCheck> checks) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      throw new io.lagline.error.LaglineException(
          "cannot bind the admin endpoint to "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): choose a free "
              + ReconcilerKey.ADMIN_PORT.path()
              + " (0 picks one) or another "
              + ReconcilerKey.ADMIN_HOST.path(),
          e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "lagline-admin-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(
        "/metrics",
        exchange -> {
          Set<String> names = MetricNames.requested(exchange.getRequestURI().getRawQuery());
          respond(
              exchange,
              200,
              TEXT_FORMAT,
              names.isEmpty() ? registry.scrape() : registry.scrape(TEXT_FORMAT, names));
        });
    server.createContext("/health/live", exchange -> report(exchange, liveness, "live"));
    server.createContext("/health/ready", exchange -> report(exchange, checks, "ready"));
    server.start();
    AdminServer admin = new AdminServer(server, executor);
    LOG.info(
        "admin endpoint on http://{}:{}/ (metrics, health/live, health/ready)", host, admin.port());
    return admin;
  }

  private static void report(HttpExchange exchange, List<HealthCheck> checks, String state)
      throws IOException {
    List<String> failing = checks.stream().flatMap(c -> c.failure().stream()).toList();
    if (failing.isEmpty()) {
      respond(exchange, 200, "text/plain", state + "\n");
    } else {
      respond(
          exchange,
          503,
          "text/plain",
          failing.stream()
              .map(n -> "not " + state + ": " + n + "\n")
              .collect(Collectors.joining()));
    }
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
