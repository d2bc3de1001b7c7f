package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.ops.Dashboard.Panel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard's structure, offline: what a reviewer would check by eye. */
class DashboardTest {
  private final Dashboard dashboard = Dashboard.read(OpsFiles.dashboard());

  @Test
  void is_a_current_grafana_dashboard_with_datasource_env_and_instance_variables() {
    assertThat(dashboard.json().path("schemaVersion").asInt()).isBetween(36, 41);
    assertThat(dashboard.json().path("uid").asText()).isEqualTo("lagline-reconciler");
    assertThat(dashboard.variables()).containsExactly("datasource", "env", "instance");
    assertThat(dashboard.panels()).hasSizeGreaterThan(15);
  }

  @Test
  void every_panel_queries_prometheus_through_the_datasource_variable() {
    assertThat(dashboard.panels())
        .allSatisfy(
            panel -> {
              assertThat(panel.datasourceUid()).as(panel.title()).isEqualTo("${datasource}");
              assertThat(panel.exprs()).as(panel.title()).isNotEmpty().allMatch(e -> !e.isBlank());
              assertThat(panel.description()).as(panel.title()).isNotBlank();
            });
  }

  @Test
  void every_selector_is_filtered_by_environment_and_instance() {
    assertThat(dashboard.exprs().stream().flatMap(e -> PromQl.selectors(e).stream()))
        .isNotEmpty()
        .allSatisfy(
            selector ->
                assertThat(selector).contains("env=~\"$env\"").contains("instance=~\"$instance\""));
  }

  @Test
  void every_metric_is_one_the_reconciler_or_producer_exports() {
    Set<String> known = KnownMetrics.all();
    assertThat(dashboard.exprs())
        .allSatisfy(expr -> assertThat(known).as(expr).containsAll(PromQl.metricNames(expr)));
  }

  @Test
  void covers_every_area_on_call_needs() {
    Set<String> used =
        dashboard.exprs().stream()
            .flatMap(e -> PromQl.metricNames(e).stream())
            .collect(java.util.stream.Collectors.toSet());
    assertThat(used)
        .contains(
            "lagline_reconciler_consistency_lag_seconds_bucket",
            "lagline_reconciler_watermark_lag_seconds",
            "lagline_reconciler_events_total",
            "lagline_reconciler_retries_total",
            "lagline_reconciler_dead_letters_total",
            "lagline_reconciler_paused",
            "lagline_reconciler_in_flight_messages",
            "lagline_reconciler_flow_control_max_messages",
            "lagline_reconciler_cassandra_write_latency_seconds_bucket",
            "lagline_producer_publishes_events_total",
            "lagline_producer_publish_latency_seconds_bucket",
            "lagline_producer_http_requests_seconds_bucket",
            "lagline_producer_serve_pubsub_reachable",
            "lagline_reconciler_audit_divergent_total",
            "lagline_reconciler_stream_errors_total",
            "lagline_reconciler_stalled_for_seconds",
            "lagline_reconciler_visible_lag_seconds_bucket",
            "lagline_reconciler_notifications_total",
            "lagline_reconciler_notification_publish_seconds_bucket",
            "lagline_reconciler_notification_failures_total",
            "lagline_reconciler_notifications_paused",
            "jvm_memory_used_bytes");
  }

  @Test
  void lag_panels_draw_the_slo_lines() {
    assertThat(dashboard.panel("Consistency lag p50 / p95 / p99").thresholds())
        .containsExactly(5.0, 30.0);
    assertThat(dashboard.panel("p99 consistency lag (5 min)").thresholds())
        .containsExactly(5.0, 30.0);
    assertThat(dashboard.panel("Watermark lag per producer").thresholds()).contains(45.0);
  }

  @Test
  void the_grafana_readme_explains_every_panel() throws IOException {
    String readme = Files.readString(OpsFiles.grafanaReadme());
    assertThat(dashboard.panels())
        .extracting(Panel::title)
        .doesNotHaveDuplicates()
        .allSatisfy(title -> assertThat(readme).contains("### " + title));
  }
}
