package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.config.Secret;
import io.lagline.contract.Contracts;
import io.lagline.event.EventCodec;
import io.lagline.producer.auth.BearerTokenAuthenticator;
import io.lagline.producer.ingest.IdempotencyStore;
import io.lagline.producer.ingest.Ingest;
import io.lagline.producer.ingest.ScriptedPublisher;
import io.lagline.producer.publish.PublishFailure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoint on loopback with an in-memory publisher: statuses, headers, metrics. */
class IngestServerTest {
  static final String TOKEN = "test-token-0123456789";
  static final String GOOD =
      """
      {"event_type": "DeviceSynced", "schema_version": 1, "entity_key": "device-42",
       "entity_version": 17, "payload": {"steps": 4200, "heart_rate": 71}}""";

  private ScriptedPublisher publisher;
  private IngestServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  private static IngestServer start(ScriptedPublisher publisher) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpMetrics metrics = new HttpMetrics();
    metrics.bindTo(registry);
    return IngestServer.start(
        "127.0.0.1",
        0,
        new IngestServer.Parts(
            new Ingest(publisher, Optional.of(Contracts.bundled()), 10),
            new BearerTokenAuthenticator(Secret.of(TOKEN)),
            new IdempotencyStore(Duration.ofMinutes(1), 100, System::nanoTime),
            2048,
            metrics,
            registry,
            new PubSubStatus()),
        Duration.ofSeconds(5));
  }

  // one server for the class: a graceful stop takes Jetty's shutdown idle timeout (1 s)
  private static final ScriptedPublisher SHARED_PUBLISHER = new ScriptedPublisher();
  private static IngestServer shared;

  @BeforeAll
  static void startShared() {
    shared = start(SHARED_PUBLISHER);
  }

  @AfterAll
  static void stopShared() {
    shared.stop();
  }

  @BeforeEach
  void reset() {
    publisher = SHARED_PUBLISHER;
    publisher.published.clear();
    publisher.failures = e -> null;
    publisher.gate = CompletableFuture.completedFuture(null);
    server = shared;
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return EventCodec.json().readTree(response.body());
  }

  @Test
  void an_event_is_accepted_with_202_once_published() throws Exception {
    HttpResponse<String> response = send(post("/v1/events", GOOD));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("event_id").asText())
        .isEqualTo(publisher.published.get(0).eventId());
    assertThat(json(response).get("entity_version").asLong()).isEqualTo(17);
  }

  @Test
  void without_or_with_a_wrong_token_is_401_and_nothing_published() throws Exception {
    HttpResponse<String> none =
        send(post("/v1/events", GOOD).setHeader("Authorization", "Basic eA=="));
    HttpResponse<String> wrong =
        send(post("/v1/events", GOOD).setHeader("Authorization", "Bearer wrong-token-0123456789"));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(TOKEN);
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void media_type_size_and_contract_are_checked() throws Exception {
    String big = GOOD.replace("}}", "}, \"pad\": \"" + "x".repeat(4096) + "\"}");
    HttpResponse<String> text =
        send(post("/v1/events", GOOD).setHeader("Content-Type", "text/plain"));
    HttpResponse<String> tooLarge = send(post("/v1/events", big));
    HttpResponse<String> chunked =
        send(
            post("/v1/events", "")
                .POST(
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
    HttpResponse<String> invalid = send(post("/v1/events", GOOD.replace("4200", "-1")));

    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("violations").get(0).get("pointer").asText())
        .isEqualTo("/payload/steps");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void a_retry_with_the_same_idempotency_key_gets_the_first_reply() throws Exception {
    HttpResponse<String> first = send(post("/v1/events", GOOD).header("Idempotency-Key", "k-1"));
    HttpResponse<String> retry = send(post("/v1/events", GOOD).header("Idempotency-Key", "k-1"));
    HttpResponse<String> other =
        send(post("/v1/events", GOOD.replace("17", "18")).header("Idempotency-Key", "k-1"));

    assertThat(retry.statusCode()).isEqualTo(202);
    assertThat(json(retry).get("event_id")).isEqualTo(json(first).get("event_id"));
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(publisher.published).hasSize(1);
  }

  @Test
  void pubsub_unavailable_is_503_with_retry_after_and_a_full_publisher_429() throws Exception {
    publisher.failures = e -> PublishFailure.UNAVAILABLE;
    HttpResponse<String> unavailable = send(post("/v1/events", GOOD));
    publisher.failures = e -> PublishFailure.FLOW_CONTROL;
    HttpResponse<String> full = send(post("/v1/events", GOOD));

    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).contains("5");
    assertThat(full.statusCode()).isEqualTo(429);
    assertThat(full.headers().firstValue("Retry-After")).contains("1");
  }

  @Test
  void metrics_count_requests_by_route_and_status_class_from_zero() throws Exception {
    publisher = new ScriptedPublisher();
    server = start(publisher);
    send(post("/v1/events", GOOD));

    String scrape = send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).GET()).body();

    assertThat(scrape)
        .contains(
            "lagline_producer_http_requests_seconds_count{route=\"events\",status=\"2xx\"} 1",
            "lagline_producer_http_requests_seconds_count{route=\"events_batch\",status=\"5xx\"} 0",
            "lagline_producer_http_requests_seconds_bucket{route=\"events\",status=\"2xx\",le=");
    server.stop();
  }

  @Test
  void health_is_open_and_ready_until_stopped() throws Exception {
    assertThat(send(HttpRequest.newBuilder(server.uri().resolve("/health/live"))).statusCode())
        .isEqualTo(200);
    HttpResponse<String> ready =
        send(HttpRequest.newBuilder(server.uri().resolve("/health/ready")));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"pubsub\":\"reachable\"");
    assertThat(server.ready()).isTrue();
  }

  @Test
  void stopping_answers_the_requests_in_flight_then_refuses_connections() throws Exception {
    publisher = new ScriptedPublisher();
    server = start(publisher);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    publisher.gate = gate;
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(post("/v1/events", GOOD).build(), BodyHandlers.ofString());
    org.awaitility.Awaitility.await().until(() -> !publisher.published.isEmpty() || gateAwaited());

    CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
    // draining longer than Jetty's shutdown idle timeout (1 s): the request stays unanswered, open
    org.awaitility.Awaitility.await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !inFlight.isDone() && !server.ready());
    gate.complete(null);
    stopped.join();

    assertThat(inFlight.join().statusCode()).isEqualTo(202);
    assertThatThrownBy(() -> send(post("/v1/events", GOOD))).isInstanceOf(IOException.class);
  }

  @Test
  void a_batch_is_answered_per_item() throws Exception {
    HttpResponse<String> response = send(post("/v1/events:batch", "[" + GOOD + "," + GOOD + "]"));
    HttpResponse<String> invalid =
        send(post("/v1/events:batch", "[" + GOOD + "," + GOOD.replace("4200", "-1") + "]"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("results").findValuesAsText("event_id")).hasSize(2);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("violations").get(0).get("pointer").asText())
        .isEqualTo("/1/payload/steps");
    assertThat(publisher.published).hasSize(2);
  }

  @Test
  void other_paths_and_methods_are_refused() throws Exception {
    assertThat(send(HttpRequest.newBuilder(server.uri().resolve("/v2/events"))).statusCode())
        .isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(server.uri().resolve("/v1/events"))).statusCode())
        .isEqualTo(405);
  }

  private boolean gateAwaited() {
    return publisher.gate.getNumberOfDependents() > 0;
  }
}
