package io.lagline.producer.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.EventCodec;
import io.lagline.producer.auth.AuthResult;
import io.lagline.producer.auth.Authenticator;
import io.lagline.producer.http.HttpMetrics.Route;
import io.lagline.producer.ingest.IdempotencyStore;
import io.lagline.producer.ingest.Ingest;
import io.lagline.producer.ingest.Reply;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the ingest service's requests: {@code POST /v1/events} and {@code POST /v1/events:batch}
 * (authenticated, JSON, bounded body, {@code Idempotency-Key}), {@code GET /metrics}, {@code GET
 * /health/live} and {@code /health/ready} (open, for probes and scrapers). A publish is answered
 * when Pub/Sub answers it, without holding a server thread meanwhile.
 */
final class IngestHandler extends Handler.Abstract {
  static final String EVENTS = "/v1/events";
  static final String EVENTS_BATCH = "/v1/events:batch";
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";

  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  private final Ingest ingest;
  private final Authenticator auth;
  private final IdempotencyStore idempotency;
  private final long maxBodyBytes;
  private final HttpMetrics metrics;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;
  private final PubSubStatus pubsub;

  IngestHandler(
      Ingest ingest,
      Authenticator auth,
      IdempotencyStore idempotency,
      long maxBodyBytes,
      HttpMetrics metrics,
      PrometheusMeterRegistry registry,
      BooleanSupplier ready,
      PubSubStatus pubsub) {
    this.ingest = ingest;
    this.auth = auth;
    this.idempotency = idempotency;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
    this.registry = registry;
    this.ready = ready;
    this.pubsub = pubsub;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String path = Request.getPathInContext(request);
    Route route = route(path);
    Exchange exchange = new Exchange(request, response, callback, route, start, metrics);
    switch (route) {
      case EVENTS -> post(exchange, ingest::one);
      case EVENTS_BATCH -> post(exchange, ingest::batch);
      case METRICS -> get(exchange, () -> exchange.text(200, registry.scrape()));
      case HEALTH -> get(exchange, () -> health(exchange, path));
      case OTHER -> exchange.error(404, "not_found", "no such path: " + path);
    }
    return true;
  }

  private static Route route(String path) {
    return switch (path) {
      case EVENTS -> Route.EVENTS;
      case EVENTS_BATCH -> Route.EVENTS_BATCH;
      case MetricsServer.PATH -> Route.METRICS;
      case LIVE, READY -> Route.HEALTH;
      default -> Route.OTHER;
    };
  }

  /**
   * Live while the process answers; ready while accepting. Readiness does not turn on Pub/Sub: it
   * is shared by every replica, so failing on it would take them all out of the load balancer and
   * callers would get connection errors instead of {@code 503} with {@code Retry-After}. The ready
   * body says what the last publish told about Pub/Sub.
   */
  private void health(Exchange exchange, String path) {
    boolean up = path.equals(LIVE) || ready.getAsBoolean();
    ObjectNode body = EventCodec.json().createObjectNode().put("status", up ? "up" : "down");
    if (path.equals(READY)) {
      body.put("pubsub", pubsub.describe());
    }
    exchange.json(up ? 200 : 503, body, null);
  }

  private static void get(Exchange exchange, Runnable answer) {
    String method = exchange.request().getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      answer.run();
    } else {
      exchange.error(405, "method_not_allowed", method + " is not allowed; use GET");
    }
  }

  private void post(Exchange exchange, Function<byte[], CompletableFuture<Reply>> handler) {
    Request request = exchange.request();
    if (!request.getMethod().equals("POST")) {
      exchange.refuse(405, "method_not_allowed", request.getMethod() + " is not allowed; use POST");
      return;
    }
    AuthResult caller = auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (!caller.ok()) {
      exchange.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
      exchange.refuse(401, "unauthenticated", caller.reason());
      return;
    }
    if (!RequestChecks.isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      exchange.refuse(415, "unsupported_media_type", "the body must be application/json");
      return;
    }
    if (request.getLength() > maxBodyBytes) {
      exchange.refuse(413, "body_too_large", "the body may be at most " + maxBodyBytes + " bytes");
      return;
    }
    String key = request.getHeaders().get(RequestChecks.IDEMPOTENCY_KEY);
    if (key != null && !RequestChecks.validKey(key)) {
      exchange.refuse(400, "invalid_idempotency_key", RequestChecks.KEY_RULE);
      return;
    }
    // BLOCKING: the continuation validates and publishes, which is not for a selector thread
    Content.Source.asByteArrayAsync(
        request,
        Math.toIntExact(maxBodyBytes + 1),
        Promise.Invocable.from(
            Invocable.InvocationType.BLOCKING,
            (byte[] body, Throwable failure) -> {
              if (failure instanceof IllegalStateException) {
                // Jetty's "Max size (N) exceeded": a body without Content-Length, read to the bound
                exchange.refuse(
                    413, "body_too_large", "the body may be at most " + maxBodyBytes + " bytes");
              } else if (failure != null) {
                LOG.debug("cannot read a request body", failure);
                exchange.refuse(400, "unreadable_body", "the body could not be read");
              } else if (body.length > maxBodyBytes) {
                exchange.refuse(
                    413, "body_too_large", "the body may be at most " + maxBodyBytes + " bytes");
              } else {
                answer(exchange, handler, caller.principal(), key, body);
              }
            }));
  }

  private void answer(
      Exchange exchange,
      Function<byte[], CompletableFuture<Reply>> handler,
      String principal,
      String key,
      byte[] body) {
    if (key == null) {
      run(handler, body).whenComplete((reply, failure) -> exchange.reply(reply, failure, false));
      return;
    }
    String scoped = principal + "\n" + key;
    String fingerprint = RequestChecks.fingerprint(exchange.route().tag(), body);
    IdempotencyStore.Claim claim = idempotency.claim(scoped, fingerprint);
    if (claim instanceof IdempotencyStore.Replay replay) {
      replay.reply().whenComplete((reply, failure) -> exchange.reply(reply, failure, true));
    } else if (claim instanceof IdempotencyStore.First first) {
      run(handler, body)
          .whenComplete(
              (reply, failure) -> {
                if (failure != null) {
                  idempotency.forget(scoped, first);
                  first.reply().completeExceptionally(failure);
                } else {
                  idempotency.complete(scoped, first, reply);
                }
                exchange.reply(reply, failure, false);
              });
    } else {
      exchange.error(
          422,
          "idempotency_key_reused",
          "this Idempotency-Key was used with another request; use a new key");
    }
  }

  /** The handler's reply; an unexpected exception becomes a failed future (answered 500). */
  private static CompletableFuture<Reply> run(
      Function<byte[], CompletableFuture<Reply>> handler, byte[] body) {
    try {
      return handler.apply(body);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
