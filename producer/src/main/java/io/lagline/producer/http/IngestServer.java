package io.lagline.producer.http;

import io.lagline.error.LaglineException;
import io.lagline.producer.auth.Authenticator;
import io.lagline.producer.ingest.IdempotencyStore;
import io.lagline.producer.ingest.Ingest;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service's HTTP server (Jetty 12, core handlers): {@link IngestHandler}'s routes on one
 * port. {@link #stop()} is graceful: readiness turns false, the connector stops accepting, and
 * requests in flight are answered (their publishes confirmed or failed) for at most the stop
 * timeout; the caller then closes the publisher, which flushes what is batched.
 */
public final class IngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

  /** What the server serves with. */
  public record Parts(
      Ingest ingest,
      Authenticator auth,
      IdempotencyStore idempotency,
      long maxBodyBytes,
      HttpMetrics metrics,
      PrometheusMeterRegistry registry,
      PubSubStatus pubsub) {
    public Parts {
      Objects.requireNonNull(ingest, "ingest");
      Objects.requireNonNull(auth, "auth");
      Objects.requireNonNull(idempotency, "idempotency");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(pubsub, "pubsub");
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final String host;
  private final AtomicBoolean accepting = new AtomicBoolean();
  private volatile int port = -1;

  private IngestServer(Server server, ServerConnector connector, String host) {
    this.server = server;
    this.connector = connector;
    this.host = host;
  }

  /**
   * Binds {@code host:port} and starts serving.
   *
   * @param port 0 picks a free port ({@link #port()} tells which)
   * @param stopTimeout longest {@link #stop()} waits for requests in flight
   * @throws LaglineException when the address cannot be bound, naming it
   */
  public static IngestServer start(String host, int port, Parts parts, Duration stopTimeout) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("lagline-ingest-http");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setStopTimeout(stopTimeout.toMillis());
    server.setStopAtShutdown(false); // StopSignals and the command own the shutdown
    IngestServer ingest = new IngestServer(server, connector, host);
    server.setHandler(
        new GracefulHandler(
            new IngestHandler(
                parts.ingest(),
                parts.auth(),
                parts.idempotency(),
                parts.maxBodyBytes(),
                parts.metrics(),
                parts.registry(),
                ingest.accepting::get,
                parts.pubsub())));
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new LaglineException(
          "cannot serve on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): choose a free port (serve.port, 0 picks one) or another host",
          e);
    }
    ingest.port = connector.getLocalPort();
    ingest.accepting.set(true);
    LOG.info("Ingest service listening on {}", ingest.uri());
    return ingest;
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** {@code http://HOST:PORT}. */
  public URI uri() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create("http://" + shown + ":" + port());
  }

  /** Whether {@code /health/ready} answers 200: started and not stopping. */
  public boolean ready() {
    return accepting.get();
  }

  /**
   * Stops gracefully: not ready, no new connections, requests in flight answered within the stop
   * timeout. Idempotent.
   */
  public void stop() {
    if (!accepting.getAndSet(false) && server.isStopped()) {
      return;
    }
    LOG.info("Ingest service stopping: answering the requests in flight");
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("The ingest service did not stop cleanly: {}", e.toString());
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.debug("stopping a server that did not start", e);
    }
  }
}
