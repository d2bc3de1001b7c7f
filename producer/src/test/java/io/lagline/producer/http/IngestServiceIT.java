package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.config.ConfigReader;
import io.lagline.event.Attributes;
import io.lagline.event.EventCodec;
import io.lagline.event.Heartbeat;
import io.lagline.producer.testing.Emulators;
import io.lagline.producer.testing.MessageCollector;
import io.lagline.testkit.proxy.TcpFaultProxy;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code producer serve} ({@link ServeApp}) against the real Pub/Sub emulator, over HTTP. */
class IngestServiceIT {
  static final String TOKEN = "it-token-0123456789abcdef";

  private static PubSubEmulator emulator;
  private static PubSubTestResources pubsub;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void startEmulator() {
    emulator = Emulators.start("ingest-service-it");
    pubsub = PubSubTestResources.connect(emulator.host(), Emulators.PROJECT);
  }

  @AfterAll
  static void stopEmulator() {
    if (pubsub != null) {
      pubsub.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private static ProjectSubscriptionName topic(String name) {
    pubsub.createTopic(name);
    return pubsub.createSubscription(name + "-sub", name);
  }

  private static ServeApp serve(String topic, String emulatorHost, String... settings) {
    Map<String, String> env = new HashMap<>();
    env.put("LAGLINE_SERVE_TOPIC", pubsub.topicName(topic).toString());
    env.put("LAGLINE_SERVE_HOST", "127.0.0.1");
    env.put("LAGLINE_SERVE_PORT", "0");
    env.put("LAGLINE_SERVE_PUBSUB_EMULATOR_HOST", emulatorHost);
    env.put("LAGLINE_SERVE_AUTH_TOKEN", TOKEN);
    env.put("LAGLINE_SERVE_HEARTBEAT_INTERVAL", "0s");
    env.put("LAGLINE_SERVE_MAX_BODY_BYTES", "4096");
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    ConfigReader reader = ConfigReader.of(JsonNodeFactory.instance.objectNode(), env, "LAGLINE_");
    ServeConfig config = ServeConfig.from(reader, env);
    reader.finish();
    return ServeApp.start(config, "ingest-it");
  }

  private static String event(String key, long version) {
    return "{\"event_type\": \"DeviceSynced\", \"schema_version\": 1, \"entity_key\": \""
        + key
        + "\", \"entity_version\": "
        + version
        + ", \"payload\": {\"steps\": 4200, \"heart_rate\": 71}}";
  }

  private static HttpRequest.Builder post(ServeApp app, String path, String body) {
    return HttpRequest.newBuilder(app.uri().resolve(path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  /** The sum of the samples of {@code name} whose line contains {@code filter}, from /metrics. */
  private double sample(ServeApp app, String name, String filter) throws Exception {
    return send(get(app, "/metrics"))
        .body()
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> l.contains(filter))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static HttpRequest.Builder get(ServeApp app, String path) {
    return HttpRequest.newBuilder(app.uri().resolve(path)).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return EventCodec.json().readTree(response.body());
  }

  private static List<String> eventIds(List<PubsubMessage> messages) {
    return messages.stream()
        .filter(m -> !Heartbeat.EVENT_TYPE.equals(m.getAttributesMap().get(Attributes.EVENT_TYPE)))
        .map(m -> m.getAttributesMap().get(Attributes.EVENT_ID))
        .toList();
  }

  @Test
  void an_accepted_event_is_on_the_topic_and_heartbeats_are_published() throws Exception {
    ProjectSubscriptionName sub = topic("accepted");
    try (MessageCollector collector = MessageCollector.start(pubsub, sub);
        ServeApp app =
            serve("accepted", emulator.host(), "LAGLINE_SERVE_HEARTBEAT_INTERVAL", "1s")) {
      HttpResponse<String> response = send(post(app, "/v1/events", event("device-1", 3)));

      assertThat(response.statusCode()).isEqualTo(202);
      JsonNode body = json(response);
      assertThat(body.get("entity_key").asText()).isEqualTo("device-1");
      assertThat(body.get("entity_version").asLong()).isEqualTo(3);
      List<PubsubMessage> received = collector.await(2);
      PubsubMessage message =
          received.stream()
              .filter(m -> m.getMessageId().equals(body.get("message_id").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(message.getAttributesMap())
          .containsEntry(Attributes.EVENT_ID, body.get("event_id").asText())
          .containsEntry(Attributes.ENTITY_KEY, "device-1");
      assertThat(received)
          .anyMatch(
              m -> Heartbeat.EVENT_TYPE.equals(m.getAttributesMap().get(Attributes.EVENT_TYPE)));
    }
  }

  @Test
  void refused_requests_publish_nothing() throws Exception {
    ProjectSubscriptionName sub = topic("refused");
    try (MessageCollector collector = MessageCollector.start(pubsub, sub);
        ServeApp app = serve("refused", emulator.host())) {
      HttpResponse<String> invalid =
          send(post(app, "/v1/events", event("d", 1).replace("4200", "-1").replace("71", "\"x\"")));
      HttpResponse<String> tooLarge =
          send(
              post(
                  app,
                  "/v1/events",
                  event("d", 1).replace("}}", "}, \"p\": \"" + "x".repeat(5000) + "\"}")));
      HttpResponse<String> text =
          send(post(app, "/v1/events", event("d", 1)).setHeader("Content-Type", "text/plain"));
      HttpResponse<String> noToken =
          send(post(app, "/v1/events", event("d", 1)).setHeader("Authorization", "Basic eA=="));
      HttpResponse<String> wrongToken =
          send(
              post(app, "/v1/events", event("d", 1))
                  .setHeader("Authorization", "Bearer nope-0123456789abcdef"));
      HttpResponse<String> marker = send(post(app, "/v1/events", event("marker", 1)));

      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(json(invalid).get("violations").findValuesAsText("pointer"))
          .containsExactlyInAnyOrder("/payload/steps", "/payload/heart_rate");
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(text.statusCode()).isEqualTo(415);
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(wrongToken.statusCode()).isEqualTo(401);
      assertThat(marker.statusCode()).isEqualTo(202);
      assertThat(eventIds(collector.await(1)))
          .containsExactly(json(marker).get("event_id").asText());
    }
  }

  @Test
  void a_retry_with_the_same_idempotency_key_is_published_once() throws Exception {
    ProjectSubscriptionName sub = topic("idempotent");
    try (MessageCollector collector = MessageCollector.start(pubsub, sub);
        ServeApp app = serve("idempotent", emulator.host())) {
      HttpResponse<String> first =
          send(post(app, "/v1/events", event("d", 1)).header("Idempotency-Key", "k1"));
      HttpResponse<String> retry =
          send(post(app, "/v1/events", event("d", 1)).header("Idempotency-Key", "k1"));
      HttpResponse<String> marker = send(post(app, "/v1/events", event("marker", 1)));

      assertThat(first.statusCode()).isEqualTo(202);
      assertThat(retry.statusCode()).isEqualTo(202);
      assertThat(json(retry).get("event_id")).isEqualTo(json(first).get("event_id"));
      // the publisher confirmed two publishes, the first and the marker: the retry published none
      assertThat(sample(app, "lagline_producer_publishes_events_total", "outcome=\"ok\""))
          .isEqualTo(2.0);
      assertThat(eventIds(collector.await(2)))
          .containsExactlyInAnyOrder(
              json(first).get("event_id").asText(), json(marker).get("event_id").asText());
    }
  }

  @Test
  void pubsub_unreachable_is_503_with_retry_after_never_202() throws Exception {
    topic("unreachable");
    TcpFaultProxy proxy =
        TcpFaultProxy.start("pubsub", new InetSocketAddress("127.0.0.1", emulator.port()));
    try (ServeApp app =
        serve(
            "unreachable",
            proxy.hostPort(),
            "LAGLINE_PUBLISHER_PUBLISH_TIMEOUT",
            "10s",
            "LAGLINE_PUBLISHER_RETRY_RPC_TIMEOUT",
            "2s",
            "LAGLINE_PUBLISHER_RETRY_MAX_DELAY",
            "500ms")) {
      assertThat(send(post(app, "/v1/events", event("before", 1))).statusCode()).isEqualTo(202);
      assertThat(json(send(get(app, "/health/ready"))).get("pubsub").asText())
          .isEqualTo("reachable");
      proxy.close(); // the port is closed: nothing listens there any more

      HttpResponse<String> response = send(post(app, "/v1/events", event("after", 1)));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(json(response).get("event_id").asText()).isNotBlank();
      // still ready (Pub/Sub is shared by every replica), but it says what the publish found
      HttpResponse<String> ready = send(get(app, "/health/ready"));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(json(ready).get("pubsub").asText()).isIn("unavailable", "timed_out");
      assertThat(send(get(app, "/metrics")).body())
          .contains("lagline_producer_serve_pubsub_reachable 0.0");
    } finally {
      proxy.close();
    }
  }

  @Test
  void a_full_publisher_is_429_with_retry_after_and_the_first_event_still_accepted()
      throws Exception {
    topic("full");
    try (TcpFaultProxy proxy =
            TcpFaultProxy.start(
                "pubsub-slow", new InetSocketAddress("127.0.0.1", emulator.port()));
        ServeApp app =
            serve(
                "full",
                proxy.hostPort(),
                "LAGLINE_PUBLISHER_BATCH_MAX_MESSAGES",
                "1",
                "LAGLINE_PUBLISHER_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES",
                "1")) {
      proxy.setLatency(Duration.ofSeconds(1)); // the first publish stays outstanding
      CompletableFuture<HttpResponse<String>> first =
          client.sendAsync(
              post(app, "/v1/events", event("first", 1)).build(), BodyHandlers.ofString());
      Awaitility.await("the first publish outstanding")
          .atMost(Duration.ofSeconds(10))
          .until(() -> sample(app, "lagline_producer_outstanding_messages", "") >= 1.0);

      HttpResponse<String> second = send(post(app, "/v1/events", event("second", 1)));

      assertThat(second.statusCode()).isEqualTo(429);
      assertThat(second.headers().firstValue("Retry-After")).contains("1");
      assertThat(first.join().statusCode()).isEqualTo(202);
    }
  }

  @Test
  void a_graceful_stop_answers_the_requests_in_flight_and_every_202_is_on_the_topic()
      throws Exception {
    ProjectSubscriptionName sub = topic("shutdown");
    try (MessageCollector collector = MessageCollector.start(pubsub, sub)) {
      ServeApp app = serve("shutdown", emulator.host());
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        inFlight.add(
            client.sendAsync(
                post(app, "/v1/events", event("d-" + i, 1)).build(), BodyHandlers.ofString()));
      }
      // stop while requests are in flight: some answered, the rest still arriving
      org.awaitility.Awaitility.await()
          .until(() -> inFlight.stream().filter(CompletableFuture::isDone).count() >= 10);
      app.close();

      Set<String> accepted = new java.util.HashSet<>();
      for (CompletableFuture<HttpResponse<String>> future : inFlight) {
        try {
          HttpResponse<String> response = future.join();
          assertThat(response.statusCode()).isIn(202, 503);
          if (response.statusCode() == 202) {
            accepted.add(json(response).get("event_id").asText());
          }
        } catch (java.util.concurrent.CompletionException refused) {
          assertThat(refused).hasCauseInstanceOf(IOException.class); // after the listener closed
        }
      }
      assertThat(accepted).isNotEmpty();
      assertThat(eventIds(collector.await(accepted.size())).stream().collect(Collectors.toSet()))
          .containsAll(accepted);
      assertThatThrownBy(() -> send(post(app, "/v1/events", event("late", 1))))
          .isInstanceOf(IOException.class);
    }
  }
}
