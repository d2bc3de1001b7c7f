package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitoredMetricsTest {
  @Test
  void reads_the_series_names_of_a_query_and_nothing_else() {
    assertThat(
            MonitoredMetrics.names(
                "histogram_quantile(0.99, sum by (le) (rate("
                    + "lagline_reconciler_consistency_lag_seconds_bucket{env=~\"$env\","
                    + " job=\"lagline_not_a_metric\"}[5m]))) / on (env)"
                    + " lagline_reconciler_paused offset 5m"
                    + " unless up{job=~'lagline-.*'} or label_values(jvm_memory_used_bytes, env)"
                    + " > $lagline_variable"))
        .containsExactly(
            "jvm_memory_used_bytes",
            "lagline_reconciler_consistency_lag_seconds_bucket",
            "lagline_reconciler_paused");
  }

  @Test
  void reads_sample_names_of_a_metrics_page() {
    String page =
        """
        # HELP lagline_x_seconds A histogram
        # TYPE lagline_x_seconds histogram
        lagline_x_seconds_bucket{le="0.1",} 1.0
        lagline_x_seconds_count 1.0
        lagline_x_seconds_sum 0.05
        lagline_y_total{outcome="ok"} 3.0
        """;

    assertThat(MonitoredMetrics.served(page))
        .containsExactly(
            "lagline_x_seconds_bucket",
            "lagline_x_seconds_count",
            "lagline_x_seconds_sum",
            "lagline_y_total");
  }

  @Test
  void finds_the_dashboard_and_alert_metrics_of_this_repository() {
    assertThat(MonitoredMetrics.used(MonitoredMetrics.root()))
        .as("panel queries and alert rules")
        .contains(
            "lagline_reconciler_consistency_lag_seconds_bucket",
            "lagline_reconciler_watermark_lag_seconds",
            "lagline_producer_publishes_events_total",
            "lagline_reconciler_audit_divergent_total",
            "jvm_memory_used_bytes")
        .allMatch(name -> name.matches("(lagline|jvm|process)_[a-z0-9_]+"));
  }
}
