package io.lagline.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.config.ConfigReader;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.http.ServeApp;
import io.lagline.producer.http.ServeConfig;
import io.lagline.producer.http.ServeKey;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ingest service ({@code producer serve}) in {@link MonitoredStack}, on a free loopback port,
 * serving its own {@code /metrics} for Prometheus' {@code lagline-producer-serve} job.
 */
final class MonitoredIngest implements AutoCloseable {
  private final ServeApp app;
  private final String token;
  private final HttpClient client = HttpClient.newHttpClient();

  private MonitoredIngest(ServeApp app, String token) {
    this.app = app;
    this.token = token;
  }

  static MonitoredIngest start(String emulatorHost, String topic) {
    String token = UUID.randomUUID().toString();
    Map<String, String> env =
        Map.of(
            "LAGLINE_SERVE_HOST",
            "127.0.0.1",
            "LAGLINE_SERVE_PORT",
            "0",
            "LAGLINE_SERVE_TOPIC",
            topic,
            "LAGLINE_SERVE_AUTH_TOKEN",
            token,
            "LAGLINE_SERVE_HEARTBEAT_INTERVAL",
            "0s",
            "PUBSUB_EMULATOR_HOST",
            emulatorHost);
    ConfigReader reader =
        ConfigReader.of(JsonNodeFactory.instance.objectNode(), env, ServeKey.ENV_PREFIX);
    ServeConfig config = ServeConfig.from(reader, env);
    reader.finish();
    return new MonitoredIngest(ServeApp.start(config, "ops-it-ingest"), token);
  }

  /** {@code host:port} of its {@code /metrics}. */
  String target() {
    return app.uri().getAuthority();
  }

  /**
   * Sends {@code events} one by one to {@code POST /v1/events}, then {@code invalid} events that
   * break their schema; returns how many were accepted with 202 and refused with 400, in that
   * order.
   */
  int[] send(List<Event> events, int invalid) throws Exception {
    List<String> bodies = new ArrayList<>();
    events.forEach(e -> bodies.add(EventCodec.toCommand(e).toString()));
    for (int i = 0; i < invalid; i++) {
      ObjectNode command = EventCodec.toCommand(MonitoredStack.poison(1).get(0));
      ((ObjectNode) command.get("payload")).put("steps", "not a number");
      bodies.add(command.toString());
    }
    int[] answered = new int[2];
    for (String body : bodies) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(app.uri().resolve("/v1/events"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString(body))
                  .build(),
              BodyHandlers.ofString());
      switch (response.statusCode()) {
        case 202 -> answered[0]++;
        case 400 -> answered[1]++;
        default ->
            throw new IllegalStateException(
                "ingest answered " + response.statusCode() + ": " + response.body());
      }
    }
    return answered;
  }

  @Override
  public void close() {
    app.close();
  }
}
