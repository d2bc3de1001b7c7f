package io.lagline.reconciler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a freshly started reconciler exports before it handles anything: every series whose tags
 * come from a fixed set, at zero, so the dashboards show 0 rather than "no data" and {@code
 * increase()} counts the first event.
 */
class ReconcilerMetricsTest {
  private final ReconcilerMetrics metrics =
      ReconcilerMetrics.register(TestMappings.DEVICES.withHeartbeat());

  @Test
  void every_fixed_tag_series_is_registered_at_start_up() {
    Map<String, Integer> series = new TreeMap<>();
    for (Meter meter : metrics.registry().getMeters()) {
      if (meter.getId().getName().startsWith("lagline.reconciler.")) {
        series.merge(meter.getId().getName(), 1, Integer::sum);
      }
    }

    assertThat(series)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                // 3 event types x 6 outcomes, and unknown x (dead_lettered, failed)
                Map.entry("lagline.reconciler.events", 20),
                Map.entry("lagline.reconciler.consistency.lag", 3),
                // the classifier's 23 event verdicts, and dead_letter_publish x 3 classes
                Map.entry("lagline.reconciler.failures", 29),
                Map.entry("lagline.reconciler.replies", 2),
                // the 13 transient and ambiguous verdicts
                Map.entry("lagline.reconciler.retries", 13),
                Map.entry("lagline.reconciler.dead.letters", 10),
                // (2 statements + 1 + 2) x 3 outcomes over device_state, sync_history, heartbeats
                Map.entry("lagline.reconciler.cassandra.write.latency", 15),
                Map.entry("lagline.reconciler.writes", 12),
                Map.entry("lagline.reconciler.stream.errors", 16),
                Map.entry("lagline.reconciler.audit.checked", 1),
                Map.entry("lagline.reconciler.audit.divergent", 1),
                Map.entry("lagline.reconciler.audit.repaired", 1),
                Map.entry("lagline.reconciler.in.flight", 1),
                Map.entry("lagline.reconciler.flow.control.max", 1),
                Map.entry("lagline.reconciler.oldest.in.flight.age", 1),
                Map.entry("lagline.reconciler.receive.lag", 1),
                Map.entry("lagline.reconciler.stalled.for", 1),
                Map.entry("lagline.reconciler.paused", 1),
                Map.entry("lagline.reconciler.write.concurrency.limit", 1),
                Map.entry("lagline.reconciler.writes.in.flight", 1),
                Map.entry("lagline.reconciler.notifications", 4),
                Map.entry("lagline.reconciler.notification.failures", 4),
                Map.entry("lagline.reconciler.notification.publish", 1),
                Map.entry("lagline.reconciler.visible.lag", 3),
                Map.entry("lagline.reconciler.notifications.paused", 1),
                // duplicate and stale over the three tables
                Map.entry("lagline.reconciler.version.cache.answers", 6),
                Map.entry("lagline.reconciler.version.cache.hit.ratio", 1),
                Map.entry("lagline.reconciler.version.cache.entries", 1),
                Map.entry("lagline.reconciler.version.cache.evictions", 1)));
  }

  @Test
  void every_series_of_a_fresh_scrape_is_zero() {
    List<String> notZero = new ArrayList<>();
    for (String line : metrics.registry().scrape().split("\n")) {
      if (line.startsWith("lagline_reconciler_")
          && !line.endsWith(" 0")
          && !line.endsWith(" 0.0")) {
        notZero.add(line);
      }
    }

    assertThat(notZero).isEmpty();
  }

  @Test
  void the_series_the_alert_rules_count_are_in_the_first_scrape() {
    assertThat(metrics.registry().scrape())
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
            "lagline_reconciler_stream_errors_total{app=\"lagline-reconciler\","
                + "code=\"UNAVAILABLE\"} 0.0")
        .contains("lagline_reconciler_audit_divergent_total{app=\"lagline-reconciler\"} 0.0")
        .contains("lagline_reconciler_stalled_for_seconds{app=\"lagline-reconciler\"} 0.0")
        .contains("lagline_reconciler_receive_lag_seconds{app=\"lagline-reconciler\"} 0.0")
        .doesNotContain("lagline_reconciler_watermark_lag_seconds");
  }
}
