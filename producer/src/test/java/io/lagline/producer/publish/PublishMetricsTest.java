package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PublishMetrics metrics = new PublishMetrics();

  PublishMetricsTest() {
    metrics.bindTo(registry);
  }

  @Test
  void counts_publishes_by_outcome_and_event_type() {
    metrics.started();
    metrics.confirmed("DeviceSynced", 1_000_000);
    metrics.started();
    metrics.failed("DeviceSynced", 2_000_000);
    metrics.rejected("DeviceSynced");
    metrics.rejected(PublishMetrics.INVALID_EVENT_TYPE);

    assertThat(count("ok", "DeviceSynced")).isEqualTo(1);
    assertThat(count("failed", "DeviceSynced")).isEqualTo(1);
    assertThat(count("rejected", "DeviceSynced")).isEqualTo(1);
    assertThat(count("rejected", "invalid")).isEqualTo(1);
  }

  @Test
  void tags_at_most_fifty_event_types_then_other() {
    for (int i = 0; i < 60; i++) {
      metrics.rejected("Type" + i);
    }
    metrics.rejected("Type0");

    // the heartbeat's type is one of the fifty from the start
    assertThat(registry.find(PublishMetrics.PUBLISHES).counters())
        .extracting(c -> c.getId().getTag(PublishMetrics.EVENT_TYPE))
        .containsOnlyOnce("Type0", "Type48", "other", "invalid")
        .contains("lagline.heartbeat")
        .doesNotContain("Type49");
    assertThat(count("rejected", "other")).isEqualTo(11);
    assertThat(count("rejected", "Type0")).isEqualTo(2);
  }

  @Test
  void every_series_with_known_tags_exists_at_zero_before_the_first_publish() {
    SimpleMeterRegistry fresh = new SimpleMeterRegistry();
    new PublishMetrics(List.of("DeviceSynced")).bindTo(fresh);

    assertThat(fresh.find(PublishMetrics.PUBLISHES).counters())
        .allSatisfy(counter -> assertThat(counter.count()).isZero())
        .extracting(
            c ->
                c.getId().getTag(PublishMetrics.OUTCOME)
                    + " "
                    + c.getId().getTag(PublishMetrics.EVENT_TYPE))
        .containsExactlyInAnyOrder(
            "ok DeviceSynced",
            "failed DeviceSynced",
            "rejected DeviceSynced",
            "ok lagline.heartbeat",
            "failed lagline.heartbeat",
            "rejected invalid");
    assertThat(fresh.find(PublishMetrics.LATENCY).timers())
        .extracting(t -> t.getId().getTag(PublishMetrics.OUTCOME))
        .containsExactlyInAnyOrder("ok", "failed");
    assertThat(fresh.find(PublishMetrics.HEARTBEATS).counters())
        .extracting(c -> c.getId().getTag(PublishMetrics.OUTCOME))
        .containsExactlyInAnyOrder("ok", "failed");
    assertThat(fresh.get(PublishMetrics.OUTSTANDING).gauge().value()).isZero();
  }

  @Test
  void outstanding_counts_publishes_not_yet_answered() {
    metrics.started();
    metrics.started();
    metrics.confirmed("A", 1);

    assertThat(registry.get(PublishMetrics.OUTSTANDING).gauge().value()).isEqualTo(1);
    assertThat(metrics.outstanding()).isEqualTo(1);
  }

  @Test
  void latency_has_histogram_buckets_from_one_millisecond_to_sixty_seconds() {
    metrics.started();
    metrics.confirmed("A", TimeUnit.MILLISECONDS.toNanos(7));

    Timer timer = registry.get(PublishMetrics.LATENCY).tag(PublishMetrics.OUTCOME, "ok").timer();
    CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
    assertThat(buckets).hasSize(15);
    assertThat(buckets[0].bucket(TimeUnit.MILLISECONDS)).isEqualTo(1);
    assertThat(buckets[buckets.length - 1].bucket(TimeUnit.SECONDS)).isEqualTo(60);
    assertThat(
            Arrays.stream(buckets)
                .filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 10)
                .findFirst()
                .orElseThrow()
                .count())
        .isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
  }

  @Test
  void every_meter_has_a_description_and_a_unit() {
    metrics.started();
    metrics.confirmed("A", 1);
    metrics.started();
    metrics.failed("A", 1);

    assertThat(registry.getMeters()).isNotEmpty();
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().syntheticAssociation() != null) {
        continue; // the registry's own view of the timer's histogram
      }
      assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
      assertThat(meter.getId().getBaseUnit()).as(meter.getId().getName()).isNotBlank();
    }
  }

  @Test
  void exports_the_prometheus_names_that_dashboards_use() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.bindTo(prometheus);
    metrics.started();
    metrics.confirmed("DeviceSynced", Duration.ofMillis(3).toNanos());
    metrics.rejected("DeviceSynced");

    String scrape = prometheus.scrape();

    assertThat(scrape)
        .contains(
            "lagline_producer_publishes_events_total{event_type=\"DeviceSynced\",outcome=\"ok\"} 1")
        .contains(
            "lagline_producer_publishes_events_total{event_type=\"DeviceSynced\",outcome=\"rejected\"} 1")
        .contains("lagline_producer_publish_latency_seconds_bucket{outcome=\"ok\",le=\"0.005\"} 1")
        .contains("lagline_producer_publish_latency_seconds_count{outcome=\"ok\"} 1")
        .contains("lagline_producer_outstanding_messages 0");
  }

  private double count(String outcome, String eventType) {
    return registry
        .get(PublishMetrics.PUBLISHES)
        .tag(PublishMetrics.OUTCOME, outcome)
        .tag(PublishMetrics.EVENT_TYPE, eventType)
        .counter()
        .count();
  }
}
