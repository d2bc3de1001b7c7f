package io.lagline.reconciler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ReconcilerMetrics metrics = new ReconcilerMetrics(registry, Set.of("DeviceSynced"));

  @Test
  void exports_the_documented_prometheus_names() {
    metrics.event("DeviceSynced", "applied");
    metrics.consistencyLag("DeviceSynced", Duration.ofMillis(30));
    metrics.write("device_state", "update", "applied", 1_000_000);
    metrics.rowOutcome("device_state", "applied");
    metrics.retry("transient", "cassandra_overloaded");
    metrics.reply(true);
    metrics.failure("permanent", "invalid_event");
    metrics.messageReceived();

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains(
            "lagline_reconciler_events_total{event_type=\"DeviceSynced\",outcome=\"applied\"} 1.0")
        .contains(
            "lagline_reconciler_consistency_lag_seconds_bucket{event_type=\"DeviceSynced\",le=\"0.05\"} 1")
        .contains("lagline_reconciler_consistency_lag_seconds_count{event_type=\"DeviceSynced\"} 1")
        .contains("lagline_reconciler_cassandra_write_latency_seconds_bucket{")
        .contains("lagline_reconciler_writes_total{outcome=\"applied\",table=\"device_state\"} 1.0")
        .contains(
            "lagline_reconciler_retries_total{class=\"transient\",reason=\"cassandra_overloaded\"} 1.0")
        .contains("lagline_reconciler_replies_total{reply=\"ack\"} 1.0")
        .contains(
            "lagline_reconciler_failures_total{class=\"permanent\",reason=\"invalid_event\"} 1.0")
        .contains("lagline_reconciler_in_flight_messages 1.0");
  }

  @Test
  void lag_buckets_span_ten_milliseconds_to_ten_minutes() {
    metrics.consistencyLag("DeviceSynced", Duration.ofMinutes(9));

    assertThat(registry.scrape())
        .contains("le=\"0.01\"")
        .contains("le=\"600.0\"")
        .doesNotContain("le=\"0.001\"");
  }

  @Test
  void each_mapped_event_types_lag_histogram_is_exported_at_zero_before_its_first_event() {
    assertThat(registry.scrape())
        .contains("lagline_reconciler_consistency_lag_seconds_count{event_type=\"DeviceSynced\"} 0")
        .doesNotContain("event_type=\"unknown\"");
  }

  @Test
  void an_unknown_event_type_does_not_become_a_new_tag_value() {
    metrics.event("Whatever-" + System.nanoTime(), "invalid");
    metrics.event(null, "invalid");

    assertThat(
            registry
                .get("lagline.reconciler.events")
                .tag("event_type", "unknown")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.find("lagline.reconciler.events").counters()).hasSize(1);
  }
}
