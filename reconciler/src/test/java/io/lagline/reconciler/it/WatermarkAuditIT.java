package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.provision.ProvisionPlan;
import io.lagline.reconciler.provision.Provisioner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat watermark, the running auditor and {@code reconciler audit --since}, on a real Pub/Sub
 * emulator and a real Cassandra node.
 */
class WatermarkAuditIT extends OnLocalStack {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final Pattern WATERMARK =
      Pattern.compile(
          "(?m)^lagline_reconciler_watermark_lag_seconds\\{[^}]*producer=\"it-producer\"[^}]*\\}"
              + " ([0-9.eE+-]+)$");

  final HttpClient http = HttpClient.newHttpClient();

  /** A pipeline whose config names an audit subscription, which provision creates. */
  private Pipeline auditedPipeline(String name, String grace) throws Exception {
    Pipeline pipeline =
        new Pipeline(
            stack,
            pubsub,
            dir,
            name,
            String.format(
                """
                audit:
                  subscription: projects/%s/subscriptions/%s-audit
                  sample-rate: 1.0
                  grace-period: %s
                """,
                stack.projectId(), name, grace));
    pipeline.applySchema();
    try (PubSubConnection connection = PubSubConnection.emulator(stack.pubsubEmulatorHost());
        Provisioner provisioner = Provisioner.open(connection)) {
      provisioner.apply(ProvisionPlan.of(withTopic(pipeline, Map.of())), step -> {});
    }
    return pipeline;
  }

  private static ReconcilerConfig withTopic(Pipeline pipeline, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("LAGLINE_PUBSUB_TOPIC", pipeline.topic);
    return ConfigLoader.load(pipeline.configFile, all);
  }

  static Event synced(String device, long version) {
    return Pipeline.synced(
        device, version, EventCodec.json().createObjectNode().put("steps", (int) version * 10));
  }

  @Test
  void heartbeats_reach_their_table_and_the_watermark_is_small_then_grows_without_them()
      throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "watermark", "");
    pipeline.applySchema();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config());
        PubSubConnection connection = PubSubConnection.emulator(stack.pubsubEmulatorHost());
        PubSubEventPublisher publisher =
            PubSubEventPublisher.create(
                TopicPath.parse(pipeline.topic),
                connection,
                PublisherSettings.defaults(),
                new PublishMetrics())) {
      String metricsUrl = "http://127.0.0.1:" + app.adminPort() + "/metrics";
      try (Heartbeats heartbeats =
          Heartbeats.start(publisher, "it-producer", Duration.ofSeconds(1), new PublishMetrics())) {
        await()
            .atMost(CONVERGE)
            .untilAsserted(
                () ->
                    assertThat(pipeline.rows(session, "lagline_heartbeats"))
                        .anySatisfy(
                            row -> {
                              assertThat(row.getString("producer_id")).isEqualTo("it-producer");
                              assertThat(row.getLong("interval_ms")).isEqualTo(1000);
                              assertThat(row.getLong("entity_version"))
                                  .isGreaterThan(1_700_000_000_000L);
                            }));
        await().atMost(CONVERGE).until(() -> watermark(metricsUrl) < 3.0);
      }
      // heartbeats stopped: nothing new becomes durable, so the lag grows
      double stopped = watermark(metricsUrl);
      await()
          .atMost(CONVERGE)
          .until(() -> watermark(metricsUrl) > stopped + 2.0 && watermark(metricsUrl) > 3.0);

      String scrape = get(metricsUrl);
      assertThat(scrape)
          .contains(
              "lagline_reconciler_events_total{app=\"lagline-reconciler\",event_type=\"lagline.heartbeat\"")
          .contains(
              "lagline_reconciler_flow_control_max_messages{app=\"lagline-reconciler\"} 4000.0")
          .contains("lagline_reconciler_oldest_in_flight_age_seconds{")
          .contains("lagline_cassandra_session_cql_requests_seconds_bucket{")
          .contains("lagline_cassandra_session_connected_nodes{")
          .contains("lagline_cassandra_nodes_pool_in_flight{")
          .contains("jvm_memory_used_bytes{")
          .contains("process_cpu_usage{")
          .doesNotContain("s1_")
          .doesNotContain("s0_");
      assertThat(
              scrape
                  .lines()
                  .filter(
                      l -> l.startsWith("lagline_cassandra_session_cql_requests_seconds_bucket")))
          .as("the driver's latency histogram publishes its few fixed buckets only")
          .hasSizeLessThanOrEqualTo(11);
    }
  }

  @Test
  void the_auditor_finds_a_row_deleted_by_hand_and_its_repair_makes_cassandra_converge()
      throws Exception {
    Pipeline pipeline = auditedPipeline("audited", "6s");
    ReconcilerConfig config =
        withTopic(
            pipeline, Map.of("LAGLINE_AUDIT_ENABLED", "true", "LAGLINE_AUDIT_REPAIR", "true"));
    try (ReconcilerApp app = ReconcilerApp.start(config)) {
      pipeline.publish(List.of(synced("lost", 1)));
      await().atMost(CONVERGE).until(() -> deviceRow(pipeline, "lost") != null);
      // the row vanishes behind the reconciler's back after it acked the event
      session.execute("DELETE FROM audited.device_state WHERE device_id = 'lost'");

      await().atMost(CONVERGE).until(() -> counter(app, "divergent") >= 1);
      await().atMost(CONVERGE).until(() -> counter(app, "repaired") >= 1);
      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () -> {
                Row row = deviceRow(pipeline, "lost");
                assertThat(row).as("the republished event is applied again").isNotNull();
                assertThat(row.getLong("entity_version")).isEqualTo(1);
              });
      assertThat(counter(app, "checked")).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void audit_since_exits_0_when_cassandra_reflects_the_window_and_1_listing_divergent_events()
      throws Exception {
    Pipeline pipeline = auditedPipeline("oneshot", "1s");
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(List.of(synced("kept", 1), synced("kept", 2), synced("gone", 1)));
      await()
          .atMost(CONVERGE)
          .until(() -> deviceRow(pipeline, "gone") != null && deviceRow(pipeline, "kept") != null);
    }
    String file = pipeline.configFile.toString();

    await()
        .atMost(CONVERGE)
        .untilAsserted(
            () -> {
              Pipeline.CliResult clean = Pipeline.cli("audit", "--config", file, "--since", "10m");
              assertThat(clean.code()).as(clean.toString()).isZero();
              assertThat(clean.out()).contains("checked:    3").contains("divergent:  0");
            });

    session.execute("DELETE FROM oneshot.device_state WHERE device_id = 'gone'");
    // acked by the first run, the events are delivered again: the subscription is sought back
    Pipeline.CliResult divergent = Pipeline.cli("audit", "--config", file, "--since", "10m");
    assertThat(divergent.code()).as(divergent.toString()).isEqualTo(1);
    assertThat(divergent.out())
        .contains("checked:    3")
        .contains("divergent:  1")
        .contains("entity_key=gone")
        .contains("device_state[device_id=gone] found absent");

    Pipeline.CliResult badOption = Pipeline.cli("audit", "--config", file, "--since", "soon");
    assertThat(badOption.code()).isEqualTo(2);
    assertThat(badOption.err()).contains("--since");
    Pipeline plain = new Pipeline(stack, pubsub, dir, "unaudited", "");
    Pipeline.CliResult missing =
        Pipeline.cli("audit", "--config", plain.configFile.toString(), "--since", "10m");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("audit.subscription");
  }

  private Row deviceRow(Pipeline pipeline, String device) {
    return pipeline.rows(session, "device_state").stream()
        .filter(r -> r.getString("device_id").equals(device))
        .findFirst()
        .orElse(null);
  }

  private static double counter(ReconcilerApp app, String name) {
    return app.registry().get("lagline.reconciler.audit." + name).counter().count();
  }

  private double watermark(String url) throws Exception {
    Matcher m = WATERMARK.matcher(get(url));
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
