package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.apply.ErrorClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageMetricsTest {
  private static final List<String> OUTCOMES =
      List.of("applied", "duplicate", "stale", "superseded", "dead_lettered", "failed");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MessageMetrics metrics =
      new MessageMetrics(registry, Set.of("DeviceSynced", "DeviceRetired"));

  @Test
  void every_event_type_and_outcome_exists_at_zero_before_the_first_event() {
    List<List<String>> expected = new ArrayList<>();
    for (String type : List.of("DeviceSynced", "DeviceRetired")) {
      OUTCOMES.forEach(outcome -> expected.add(List.of(type, outcome)));
    }
    expected.add(List.of("unknown", "dead_lettered"));
    expected.add(List.of("unknown", "failed"));

    assertThat(registry.find("lagline.reconciler.events").counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(c -> tags(c, "event_type", "outcome"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void every_failure_verdict_and_both_replies_exist_at_zero_before_the_first_message() {
    List<List<String>> expected = new ArrayList<>();
    ErrorClassifier.EVENT_VERDICTS.forEach(
        v -> expected.add(List.of(v.errorClass().tag(), v.reason())));
    for (String errorClass : List.of("transient", "ambiguous", "permanent")) {
      expected.add(List.of(errorClass, "dead_letter_publish"));
      expected.add(List.of(errorClass, "notification_publish"));
    }

    assertThat(registry.find("lagline.reconciler.failures").counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(c -> tags(c, "class", "reason"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(registry.find("lagline.reconciler.replies").counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(c -> c.getId().getTag("reply"))
        .containsExactlyInAnyOrder("ack", "nack");
  }

  @Test
  void exports_the_documented_prometheus_names() {
    metrics.event("DeviceSynced", "applied");
    metrics.consistencyLag("DeviceSynced", Duration.ofMillis(30));
    metrics.reply(true);
    metrics.failure("permanent", "invalid_payload");
    metrics.messageReceived();
    metrics.flowControlLimit(2000);
    metrics.oldestInFlight(() -> 1.5);
    metrics.receiveLag(() -> 42.5);

    assertThat(registry.scrape())
        .contains(
            "lagline_reconciler_events_total{event_type=\"DeviceSynced\",outcome=\"applied\"} 1.0")
        .contains(
            "lagline_reconciler_events_total{event_type=\"DeviceSynced\",outcome=\"stale\"} 0.0")
        .contains(
            "lagline_reconciler_consistency_lag_seconds_bucket{event_type=\"DeviceSynced\",le=\"0.05\"} 1")
        .contains("lagline_reconciler_consistency_lag_seconds_count{event_type=\"DeviceSynced\"} 1")
        .contains("lagline_reconciler_replies_total{reply=\"ack\"} 1.0")
        .contains("lagline_reconciler_replies_total{reply=\"nack\"} 0.0")
        .contains(
            "lagline_reconciler_failures_total{class=\"permanent\",reason=\"invalid_payload\"} 1.0")
        .contains("lagline_reconciler_in_flight_messages 1.0")
        .contains("lagline_reconciler_flow_control_max_messages 2000.0")
        .contains("lagline_reconciler_oldest_in_flight_age_seconds 1.5")
        .contains("lagline_reconciler_receive_lag_seconds 42.5");
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
        .contains(
            "lagline_reconciler_consistency_lag_seconds_count{event_type=\"DeviceRetired\"} 0")
        .doesNotContain("lagline_reconciler_consistency_lag_seconds_count{event_type=\"unknown\"}");
  }

  @Test
  void an_unknown_event_type_does_not_become_a_new_tag_value() {
    int series = registry.find("lagline.reconciler.events").counters().size();

    metrics.event("Whatever-" + System.nanoTime(), "failed");
    metrics.event(null, "failed");

    assertThat(
            registry
                .get("lagline.reconciler.events")
                .tag("event_type", "unknown")
                .tag("outcome", "failed")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.find("lagline.reconciler.events").counters()).hasSize(series);
  }

  @Test
  void sums_an_outcome_over_every_event_type() {
    metrics.event("DeviceSynced", "applied");
    metrics.event("DeviceRetired", "applied");
    metrics.event("DeviceRetired", "stale");

    assertThat(metrics.events("applied")).isEqualTo(2);
    assertThat(
            registry.find("lagline.reconciler.events").counters().stream()
                .mapToDouble(Counter::count)
                .sum())
        .isEqualTo(3);
  }

  private static List<String> tags(Meter meter, String... keys) {
    List<String> values = new ArrayList<>();
    for (String key : keys) {
      values.add(meter.getId().getTag(key));
    }
    return values;
  }
}
