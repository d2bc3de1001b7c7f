package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.app.ReconcilerApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The reconciler end to end on a real Pub/Sub emulator and a real Cassandra node. */
class ReconcilerIT extends OnLocalStack {
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  static Event synced(String device, long version, int steps) {
    return Pipeline.synced(
        device,
        version,
        EventCodec.json()
            .createObjectNode()
            .put("steps", steps)
            .put("heart_rate", 60 + (int) version));
  }

  static Event retired(String device, long version) {
    return new Event(
        UUID.randomUUID().toString(),
        "DeviceRetired",
        1,
        device,
        version,
        Instant.parse("2026-11-23T07:00:00Z"),
        EventCodec.json().createObjectNode());
  }

  @Test
  void applies_all_three_write_modes() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "modes", "");
    pipeline.applySchema();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(
          List.of(synced("a", 1, 100), synced("a", 2, 200), synced("b", 1, 10), retired("b", 2)));

      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () -> {
                Map<String, Row> state = byKey(pipeline.rows(session, "device_state"));
                assertThat(state).containsOnlyKeys("a", "b");
                assertThat(state.get("a").getLong("entity_version")).isEqualTo(2);
                assertThat(state.get("a").getInt("steps")).isEqualTo(200);
                assertThat(state.get("a").getBoolean("deleted")).isFalse();
                assertThat(state.get("b").getLong("entity_version")).isEqualTo(2);
                assertThat(state.get("b").getBoolean("deleted")).isTrue();
                assertThat(state.get("b").isNull("steps")).isTrue();
                assertThat(pipeline.rows(session, "sync_history")).hasSize(3);
              });

      // an older sync re-delivered after the delete cannot resurrect the device
      pipeline.publish(List.of(synced("b", 1, 10)));
      await().atMost(CONVERGE).until(() -> count(app, "stale") >= 1);
      Row b = byKey(pipeline.rows(session, "device_state")).get("b");
      assertThat(b.getBoolean("deleted")).isTrue();
      assertThat(b.getLong("entity_version")).isEqualTo(2);

      // a newer version after the delete brings the entity back
      pipeline.publish(List.of(synced("b", 3, 33)));
      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () -> {
                Row back = byKey(pipeline.rows(session, "device_state")).get("b");
                assertThat(back.getLong("entity_version")).isEqualTo(3);
                assertThat(back.getBoolean("deleted")).isFalse();
                assertThat(back.getInt("steps")).isEqualTo(33);
              });
    }
  }

  @Test
  void duplicates_and_out_of_order_delivery_converge_to_the_newest_version() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "reorder", "");
    pipeline.applySchema();
    Random random = new Random(7);
    List<Event> distinct = new ArrayList<>();
    Map<String, Event> newest = new HashMap<>();
    for (int device = 0; device < 40; device++) {
      for (int version = 1; version <= 10; version++) {
        Event event = synced("d" + device, version, random.nextInt(10_000));
        distinct.add(event);
        newest.put(event.entityKey(), event);
      }
    }
    List<Event> published = new ArrayList<>(distinct);
    for (int i = 0; i < 100; i++) {
      published.add(distinct.get(random.nextInt(distinct.size())));
    }
    Collections.shuffle(published, random);

    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(published);

      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () -> {
                Map<String, Row> state = byKey(pipeline.rows(session, "device_state"));
                assertThat(state).hasSize(40);
                newest.forEach(
                    (key, event) -> {
                      assertThat(state.get(key).getLong("entity_version"))
                          .as(key)
                          .isEqualTo(event.entityVersion());
                      assertThat(state.get(key).getInt("steps"))
                          .as(key)
                          .isEqualTo(event.payload().get("steps").asInt());
                    });
                assertThat(pipeline.rows(session, "sync_history")).hasSize(distinct.size());
              });
      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  count(app, "applied") + count(app, "duplicate") + count(app, "stale")
                      >= published.size());
      assertThat(count(app, "duplicate"))
          .as("duplicates counted, not applied")
          .isGreaterThanOrEqualTo(1);
      assertThat(count(app, "stale"))
          .as("out-of-order versions counted as stale")
          .isGreaterThanOrEqualTo(1);
      // every distinct event's history row is inserted exactly once
      assertThat(
              app.registry()
                  .get("lagline.reconciler.writes")
                  .tag("table", "sync_history")
                  .tag("outcome", "applied")
                  .counter()
                  .count())
          .isEqualTo(distinct.size());
    }
  }

  @Test
  void versions_of_a_hot_entity_coalesce_and_the_newest_wins() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "hot", "", TestMappings.STATE_ONLY_YAML);
    pipeline.applySchema();
    Random random = new Random(11);
    List<Event> distinct = new ArrayList<>();
    for (int device = 0; device < 4; device++) {
      for (int version = 1; version <= 300; version++) {
        ObjectNode payload = EventCodec.json().createObjectNode().put("steps", version * 10);
        distinct.add(
            new Event(
                UUID.randomUUID().toString(),
                "DeviceState",
                1,
                "hot" + device,
                version,
                Instant.parse("2026-11-23T06:00:00Z").plusSeconds(version),
                payload));
      }
    }
    List<Event> published = new ArrayList<>(distinct);
    for (int i = 0; i < 100; i++) {
      published.add(distinct.get(random.nextInt(distinct.size())));
    }
    Collections.shuffle(published, random);

    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(published);

      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  count(app, "applied")
                          + count(app, "duplicate")
                          + count(app, "stale")
                          + count(app, "superseded")
                      >= published.size());
      Map<String, Row> state = byKey(pipeline.rows(session, "device_state"));
      assertThat(state).hasSize(4);
      state.forEach(
          (device, row) -> {
            assertThat(row.getLong("entity_version")).as(device).isEqualTo(300);
            assertThat(row.getInt("steps")).as(device).isEqualTo(3000);
          });
      assertThat(count(app, "superseded"))
          .as("versions waiting behind a running write were folded into the newest")
          .isPositive();
      double rowWrites =
          app.registry().get("lagline.reconciler.writes").counters().stream()
              .mapToDouble(c -> c.count())
              .sum();
      assertThat(rowWrites)
          .as("fewer Cassandra writes than deliveries")
          .isLessThan(published.size());
    }
  }

  @Test
  void a_row_written_without_a_version_is_reported_not_overwritten() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "legacy", "");
    pipeline.applySchema();
    session.execute("INSERT INTO legacy.device_state (device_id, steps) VALUES ('old', 1)");
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(List.of(synced("old", 5, 500)));

      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  app.registry()
                          .find("lagline.reconciler.failures")
                          .tag("class", "permanent")
                          .tag("reason", "unversioned_row")
                          .counter()
                      != null);
      assertThat(byKey(pipeline.rows(session, "device_state")).get("old").getInt("steps"))
          .isEqualTo(1);
      assertThat(count(app, "applied")).isZero();
      assertThat(pipeline.deadLetters(1, CONVERGE))
          .singleElement()
          .satisfies(
              m -> assertThat(m.getAttributesOrThrow("dlq_reason")).isEqualTo("unversioned_row"));
    }
  }

  @Test
  void events_from_any_pubsub_client_following_the_contract_converge() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "foreign", "");
    pipeline.applySchema();
    Publisher plain =
        pubsub
            .connection()
            .configure(Publisher.newBuilder(pipeline.topic))
            .setBatchingSettings(
                com.google.api.gax.batching.BatchingSettings.newBuilder()
                    .setElementCountThreshold(100L)
                    .setRequestByteThreshold(1_000_000L)
                    .setDelayThresholdDuration(Duration.ofMillis(10))
                    .setFlowControlSettings(
                        com.google.api.gax.batching.FlowControlSettings.newBuilder()
                            .setMaxOutstandingElementCount(100L)
                            .setMaxOutstandingRequestBytes(10_000_000L)
                            .setLimitExceededBehavior(
                                com.google.api.gax.batching.FlowController.LimitExceededBehavior
                                    .Block)
                            .build())
                    .build())
            .build();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      // attributes and data exactly as docs/CONTRACT.md describes them, no Lagline code involved
      for (int version = 3; version >= 1; version--) {
        plain
            .publish(
                PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8("{\"steps\": " + version * 100 + "}"))
                    .putAttributes("event_id", "foreign-" + version)
                    .putAttributes("event_type", "DeviceSynced")
                    .putAttributes("schema_version", "1")
                    .putAttributes("entity_key", "watch-9")
                    .putAttributes("entity_version", Integer.toString(version))
                    .putAttributes("occurred_at", "2026-11-23T06:3" + version + ":00+01:00")
                    .build())
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
      }

      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () -> {
                Row row = byKey(pipeline.rows(session, "device_state")).get("watch-9");
                assertThat(row).isNotNull();
                assertThat(row.getLong("entity_version")).isEqualTo(3);
                assertThat(row.getInt("steps")).isEqualTo(300);
                assertThat(row.getInstant("synced_at"))
                    .isEqualTo(Instant.parse("2026-11-23T05:33:00Z"));
                assertThat(pipeline.rows(session, "sync_history")).hasSize(3);
              });
    } finally {
      plain.shutdown();
      plain.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void serves_metrics_and_health_on_the_admin_port() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "admin", "");
    pipeline.applySchema();
    ListAppender<ILoggingEvent> driverLog = new ListAppender<>();
    Logger driver = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");
    driverLog.start();
    driver.addAppender(driverLog);
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.adminPort();
      // the first scrape, before any message: every fixed-tag series is there at 0
      assertThat(get(http, base + "/metrics").body())
          .contains(
              "lagline_reconciler_dead_letters_total{app=\"lagline-reconciler\","
                  + "reason=\"missing_field\"} 0.0")
          .contains(
              "lagline_reconciler_failures_total{app=\"lagline-reconciler\",class=\"transient\","
                  + "reason=\"overloaded\"} 0.0")
          .contains(
              "lagline_reconciler_retries_total{app=\"lagline-reconciler\",class=\"ambiguous\","
                  + "reason=\"cas_unknown\"} 0.0")
          .contains(
              "lagline_reconciler_events_total{app=\"lagline-reconciler\","
                  + "event_type=\"DeviceSynced\",outcome=\"applied\"} 0.0")
          .contains(
              "lagline_reconciler_writes_total{app=\"lagline-reconciler\","
                  + "outcome=\"applied\",table=\"device_state\"} 0.0")
          .contains("lagline_reconciler_stalled_for_seconds{app=\"lagline-reconciler\"} 0.0")
          .contains("lagline_cassandra_session_connected_nodes")
          .doesNotContain("throttling");

      pipeline.publish(List.of(synced("x", 1, 1)));
      await().atMost(CONVERGE).until(() -> count(app, "applied") == 1);

      assertThat(get(http, base + "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(http, base + "/health/ready").statusCode()).isEqualTo(200);
      String metrics = get(http, base + "/metrics").body();
      assertThat(metrics)
          .contains("lagline_reconciler_events_total{")
          .contains("outcome=\"applied\"")
          .contains("lagline_reconciler_consistency_lag_seconds_bucket{")
          .contains("le=\"0.01\"")
          .contains("le=\"600.0\"")
          .contains("lagline_reconciler_cassandra_write_latency_seconds_bucket{")
          .contains("lagline_reconciler_in_flight_messages")
          .contains("lagline_reconciler_replies_total{");
    } finally {
      driver.detachAppender(driverLog);
    }
    assertThat(driverLog.list)
        .as("the driver's WARNs over a run and two scrapes")
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains("throttling"));
  }

  @Test
  void poison_events_are_dead_lettered_with_their_reason_and_do_not_block_good_ones()
      throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "poison", "");
    pipeline.applySchema();
    Event good = synced("steady", 1, 10);
    Map<String, String> goodAttributes = good.attributes();
    PubsubMessage missingVersion = raw("p-1", goodAttributes, Map.of("entity_version", ""), "{}");
    PubsubMessage notJson = raw("p-2", goodAttributes, Map.of(), "{not json");
    PubsubMessage unknownType =
        raw("p-3", goodAttributes, Map.of("event_type", "DeviceExploded"), "{\"steps\": 1}");
    PubsubMessage wrongType = raw("p-4", goodAttributes, Map.of(), "{\"steps\": \"many\"}");
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publishRaw(List.of(missingVersion, notJson, unknownType, wrongType));
      pipeline.publish(List.of(good, synced("steady", 2, 20)));

      List<PubsubMessage> parked = pipeline.deadLetters(4, CONVERGE);
      // the two versions may arrive in either order: the older is then stale
      await().atMost(CONVERGE).until(() -> count(app, "applied") + count(app, "stale") == 2);

      Map<String, PubsubMessage> byEvent = new HashMap<>();
      parked.forEach(m -> byEvent.put(m.getAttributesOrThrow("event_id"), m));
      assertThat(byEvent).containsOnlyKeys("p-1", "p-2", "p-3", "p-4");
      assertThat(byEvent.get("p-1").getAttributesOrThrow("dlq_reason"))
          .isEqualTo("missing_attribute");
      assertThat(byEvent.get("p-2").getAttributesOrThrow("dlq_reason"))
          .isEqualTo("invalid_payload");
      assertThat(byEvent.get("p-3").getAttributesOrThrow("dlq_reason"))
          .isEqualTo("unknown_event_type");
      assertThat(byEvent.get("p-4").getAttributesOrThrow("dlq_reason")).isEqualTo("invalid_value");
      PubsubMessage one = byEvent.get("p-2");
      assertThat(one.getData().toStringUtf8()).isEqualTo("{not json");
      assertThat(one.getAttributesMap())
          .containsEntry("entity_key", good.entityKey())
          .containsEntry("dlq_subscription", pipeline.subscription())
          .containsKeys("dlq_detail", "dlq_first_seen", "dlq_original_message_id");
      assertThat(app.metrics().events("dead_lettered")).isEqualTo(4);
      assertThat(
              app.registry()
                  .find("lagline.reconciler.replies")
                  .tag("reply", "nack")
                  .counter()
                  .count())
          .isZero();
      Row row = byKey(pipeline.rows(session, "device_state")).get("steady");
      assertThat(row.getLong("entity_version")).isEqualTo(2);
    }
  }

  private static PubsubMessage raw(
      String eventId, Map<String, String> base, Map<String, String> changes, String data) {
    Map<String, String> attributes = new HashMap<>(base);
    attributes.put("event_id", eventId);
    changes.forEach(
        (key, value) -> {
          if (value.isEmpty()) {
            attributes.remove(key);
          } else {
            attributes.put(key, value);
          }
        });
    return PubsubMessage.newBuilder()
        .putAllAttributes(attributes)
        .setData(ByteString.copyFromUtf8(data))
        .build();
  }

  @Test
  void pauses_while_cassandra_is_down_without_nacking_and_resumes_by_itself() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "outage", "");
    pipeline.applySchema();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      HttpClient http = HttpClient.newHttpClient();
      String ready = "http://127.0.0.1:" + app.adminPort() + "/health/ready";
      stack.cassandra().stop();
      try {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          events.add(synced("survivor-" + i, 1, i));
        }
        pipeline.publish(events);
        await().atMost(CONVERGE).until(() -> gauge(app, "lagline.reconciler.paused") == 1);
        assertThat(get(http, ready).statusCode()).isEqualTo(503);
        assertThat(
                app.registry()
                    .find("lagline.reconciler.replies")
                    .tag("reply", "nack")
                    .counter()
                    .count())
            .as("held messages are not handed back, so no delivery attempt is spent")
            .isZero();
        assertThat(app.metrics().inFlight()).isEqualTo(30);
      } finally {
        stack.cassandra().start();
      }
      await().atMost(Duration.ofMinutes(3)).until(() -> count(app, "applied") == 30);
      assertThat(gauge(app, "lagline.reconciler.paused")).isZero();
      await().atMost(CONVERGE).until(() -> get(http, ready).statusCode() == 200);
      assertThat(app.registry().find("lagline.reconciler.dead.letters").counters())
          .allSatisfy(c -> assertThat(c.count()).as(c.getId().toString()).isZero());
      try (CqlSession fresh = stack.cassandra().sessionBuilder().build()) {
        Row row = byKey(pipeline.rows(fresh, "device_state")).get("survivor-7");
        assertThat(row.getInt("steps")).isEqualTo(7);
      }
    } finally {
      session.close();
      session = stack.cassandra().sessionBuilder().build();
    }
  }

  private static double gauge(ReconcilerApp app, String name) {
    return app.registry().get(name).gauge().value();
  }

  @Test
  void a_subscriber_that_fails_for_good_turns_liveness_red() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "doomed", "");
    pipeline.applySchema();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      HttpClient http = HttpClient.newHttpClient();
      String live = "http://127.0.0.1:" + app.adminPort() + "/health/live";
      assertThat(get(http, live).statusCode()).isEqualTo(200);

      pubsub.deleteSubscription("doomed-sub");

      assertThat(app.failure().get(2, java.util.concurrent.TimeUnit.MINUTES)).isNotNull();
      assertThat(get(http, live).statusCode()).isEqualTo(503);
      assertThat(get(http, live).body()).contains("subscriber");
    }
  }

  @Test
  void schema_command_prints_the_ddl_and_bad_config_fails_naming_the_key() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "cli", "");
    Pipeline.CliResult printed = Pipeline.cli("schema", "--config", pipeline.configFile.toString());
    assertThat(printed.code()).isZero();
    assertThat(printed.out())
        .contains("CREATE KEYSPACE IF NOT EXISTS cli")
        .contains("CREATE TABLE IF NOT EXISTS cli.device_state")
        .contains("entity_version bigint");

    Pipeline.CliResult missingKeyspace =
        Pipeline.cli("run", "--config", pipeline.configFile.toString());
    assertThat(missingKeyspace.code()).isEqualTo(1);
    assertThat(missingKeyspace.err())
        .contains("keyspace 'cli'")
        .contains("cassandra.keyspace")
        .contains("schema")
        .as("a message, not a stack trace")
        .doesNotContain("\tat ");

    pipeline.applySchema();
    // the mapping grows a column: applying the schema again adds it to the existing table
    Path mapping = dir.resolve("cli-mapping.yaml");
    Files.writeString(
        mapping,
        Files.readString(mapping)
            .replace(
                "steps: { from: payload.steps, type: int }\n          heart_rate",
                "steps: { from: payload.steps, type: int }\n"
                    + "          calories: { from: payload.calories, type: int, required: false }\n"
                    + "          heart_rate"));
    Pipeline.CliResult grown =
        Pipeline.cli("schema", "--config", pipeline.configFile.toString(), "--apply");
    assertThat(grown.code()).as(grown.toString()).isZero();
    assertThat(grown.out()).contains("ALTER TABLE cli.device_state ADD calories int");
    assertThat(
            session
                .refreshSchema()
                .getKeyspace("cli")
                .orElseThrow()
                .getTable("device_state")
                .orElseThrow()
                .getColumn("calories"))
        .isPresent();

    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "pubsub:\n  subscription: nope\ncassandra:\n  keyspace: Bad-Name\n");
    Pipeline.CliResult invalid = Pipeline.cli("run", "--config", bad.toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err())
        .contains("pubsub.subscription")
        .contains("cassandra.keyspace")
        .contains("mapping.file");
  }

  private static long count(ReconcilerApp app, String outcome) {
    return app.metrics().events(outcome);
  }

  private static Map<String, Row> byKey(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.getString("device_id"), r -> r));
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
