package io.lagline.demo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lagline.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IngestClient} against a scripted HTTP server on loopback. */
class IngestClientTest {
  private static final Secret TOKEN = Secret.of("test-token-0123456789");

  private final Queue<String> seen = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Answers 400 to a body containing "bad", 429 to the first attempt of a "busy" one, else 202. */
  private URI serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + key);
          int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          if (body.contains("bad")) {
            answer(exchange, 400, "{\"error\":\"invalid_event\"}");
          } else if (body.contains("busy") && attempt == 1) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            answer(exchange, 429, "{\"error\":\"publisher_full\"}");
          } else {
            answer(exchange, 202, "{}");
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void counts_accepted_and_rejected_and_retries_a_full_publisher_with_the_same_key()
      throws Exception {
    IngestClient client = new IngestClient(serve(), TOKEN, 2);

    IngestStats stats =
        client.send(
            List.of(
                new IngestRequest("k1", "{\"ok\":1}", true),
                new IngestRequest("k2", "{\"busy\":1}", true),
                new IngestRequest("k3", "{\"bad\":1}", false),
                new IngestRequest("k4", "{\"ok\":2}", true)));

    assertThat(stats.requests()).isEqualTo(4);
    assertThat(stats.accepted()).isEqualTo(3);
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(stats.p99Ms()).isGreaterThanOrEqualTo(stats.p50Ms()).isPositive();
    assertThat(attempts.get("k2")).hasValue(2);
    assertThat(seen).hasSize(5).allMatch(s -> s.startsWith("Bearer " + TOKEN.reveal() + " k"));
  }

  @Test
  void fails_naming_the_request_a_status_it_did_not_expect() throws Exception {
    IngestClient client = new IngestClient(serve(), TOKEN, 4);
    List<IngestRequest> requests =
        List.of(
            new IngestRequest("k1", "{\"ok\":1}", true),
            new IngestRequest("k2", "{\"bad\":1}", true));

    assertThatThrownBy(() -> client.send(requests))
        .isInstanceOfSatisfying(
            IngestStatusException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.expectedStatus()).isEqualTo(202);
              assertThat(e.idempotencyKey()).isEqualTo("k2");
            })
        .hasMessageContaining("answered 400 to request k2 (expected 202)")
        .hasMessageNotContaining(TOKEN.reveal());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"1, 1", "5, 5", "0, 0", "3600, 30", "null, 1", "'Wed, 21 Oct 2026 07:28:00 GMT', 1"})
  void waits_the_retry_after_in_seconds_within_bounds(String header, long seconds) {
    assertThat(IngestClient.retryAfter(header)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({"429, true", "503, true", "202, false", "400, false", "500, false", "401, false"})
  void retries_a_full_publisher_and_an_unavailable_pub_sub_only(int status, boolean retryable) {
    assertThat(IngestClient.retryable(status)).isEqualTo(retryable);
  }
}
