package io.lagline.producer.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.EventCodec;
import io.lagline.producer.http.HttpMetrics.Route;
import io.lagline.producer.ingest.Reply;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request being answered: writes the reply once and records it in {@link HttpMetrics}. */
record Exchange(
    Request request,
    Response response,
    Callback callback,
    Route route,
    long startNanos,
    HttpMetrics metrics) {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
  static final String REPLAYED = "Idempotent-Replayed";

  /** Answers with {@code reply}, or {@code 500} when producing it failed unexpectedly. */
  void reply(Reply reply, Throwable failure, boolean replayed) {
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      LOG.error("Unexpected failure answering {} {}", request.getMethod(), route.tag(), cause);
      error(500, "internal_error", "unexpected failure; the event may not have been published");
      return;
    }
    if (replayed) {
      response.getHeaders().put(REPLAYED, "true");
    }
    json(reply.status(), reply.body(), reply.retryAfter().orElse(null));
  }

  /**
   * Answers with an error before the body was read, and closes the connection: the unread body must
   * not be taken for the next request, and a client must not reuse a connection the server drops.
   */
  void refuse(int status, String error, String message) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    error(status, error, message);
  }

  void error(int status, String error, String message) {
    ObjectNode body =
        EventCodec.json().createObjectNode().put("error", error).put("message", message);
    json(status, body, null);
  }

  void json(int status, JsonNode body, Duration retryAfter) {
    String text;
    try {
      text = EventCodec.json().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    if (retryAfter != null) {
      response
          .getHeaders()
          .put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    write(status, "application/json", text + "\n");
  }

  void text(int status, String body) {
    write(status, MetricsServer.CONTENT_TYPE, body);
  }

  private void write(int status, String contentType, String body) {
    metrics.record(route, status, System.nanoTime() - startNanos);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    if (request.getMethod().equals("HEAD")) {
      callback.succeeded();
    } else {
      Content.Sink.write(response, true, body, callback);
    }
  }
}
