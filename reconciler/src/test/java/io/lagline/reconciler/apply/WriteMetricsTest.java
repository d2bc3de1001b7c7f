package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteMetricsTest {
  private static final List<String> TABLES =
      List.of("device_state", "sync_history", "lagline_heartbeats");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final WriteMetrics metrics =
      new WriteMetrics(registry, TestMappings.DEVICES.withHeartbeat());

  @Test
  void each_table_has_a_latency_series_at_zero_per_statement_its_write_modes_use() {
    List<List<String>> expected = new ArrayList<>();
    for (String outcome : List.of("applied", "not_applied", "error")) {
      // upsert-if-newer and delete-if-newer try an update first; insert-if-absent only inserts
      expected.add(List.of("device_state", "update", outcome));
      expected.add(List.of("device_state", "insert", outcome));
      expected.add(List.of("sync_history", "insert", outcome));
      expected.add(List.of("lagline_heartbeats", "update", outcome));
      expected.add(List.of("lagline_heartbeats", "insert", outcome));
    }

    assertThat(registry.find("lagline.reconciler.cassandra.write.latency").timers())
        .allSatisfy(timer -> assertThat(timer.count()).isZero())
        .extracting(t -> tags(t, "table", "statement", "outcome"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void each_table_and_row_outcome_and_each_retryable_verdict_exist_at_zero() {
    List<List<String>> rows = new ArrayList<>();
    for (String table : TABLES) {
      for (String outcome : List.of("applied", "duplicate", "stale", "superseded")) {
        rows.add(List.of(table, outcome));
      }
    }
    List<List<String>> retries =
        ErrorClassifier.EVENT_VERDICTS.stream()
            .filter(v -> v.errorClass() != ErrorClass.PERMANENT)
            .map(v -> List.of(v.errorClass().tag(), v.reason()))
            .toList();

    assertThat(registry.find("lagline.reconciler.writes").counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(c -> tags(c, "table", "outcome"))
        .containsExactlyInAnyOrderElementsOf(rows);
    assertThat(registry.find("lagline.reconciler.retries").counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(c -> tags(c, "class", "reason"))
        .containsExactlyInAnyOrderElementsOf(retries)
        .contains(List.of("transient", "overloaded"), List.of("ambiguous", "cas_unknown"));
  }

  @Test
  void the_gauges_read_zero_until_the_limiter_and_the_guard_report() {
    assertThat(registry.scrape())
        .contains("lagline_reconciler_paused 0.0")
        .contains("lagline_reconciler_write_concurrency_limit 0.0")
        .contains("lagline_reconciler_writes_in_flight 0.0");

    metrics.writeLimiter(() -> 64, () -> 3);
    metrics.paused(true);

    assertThat(registry.scrape())
        .contains("lagline_reconciler_paused 1.0")
        .contains("lagline_reconciler_write_concurrency_limit 64.0")
        .contains("lagline_reconciler_writes_in_flight 3.0");
  }

  @Test
  void records_into_the_series_registered_at_start_up() {
    int series = registry.getMeters().size();

    metrics.write("device_state", "update", "applied", 2_000_000);
    metrics.rowOutcome("device_state", "applied");
    metrics.retry("transient", "overloaded");

    Timer latency =
        registry
            .get("lagline.reconciler.cassandra.write.latency")
            .tags("table", "device_state", "statement", "update", "outcome", "applied")
            .timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(registry.getMeters()).hasSize(series);
    assertThat(registry.scrape())
        .contains(
            "lagline_reconciler_cassandra_write_latency_seconds_bucket{outcome=\"applied\","
                + "statement=\"update\",table=\"device_state\",le=\"0.002\"} 1")
        .contains("lagline_reconciler_writes_total{outcome=\"applied\",table=\"device_state\"} 1.0")
        .contains(
            "lagline_reconciler_retries_total{class=\"transient\",reason=\"overloaded\"} 1.0");
  }

  private static List<String> tags(Meter meter, String... keys) {
    List<String> values = new ArrayList<>();
    for (String key : keys) {
      values.add(meter.getId().getTag(key));
    }
    return values;
  }
}
