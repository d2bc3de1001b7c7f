package io.lagline.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsSamplerTest {
  @Test
  void turns_counter_deltas_into_rates_by_outcome() {
    MetricsSampler sampler = new MetricsSampler();

    sampler.record(1, metrics(10, 5, 0, 0));
    sampler.record(3, metrics(50, 25, 0, 0));

    assertThat(sampler.samples()).hasSize(1);
    RunSample sample = sampler.samples().get(0);
    assertThat(sample.seconds()).isEqualTo(3);
    assertThat(sample.eventsPerSecond())
        .containsEntry("applied", 20.0)
        .containsEntry("stale", 10.0);
  }

  @Test
  void interpolates_lag_percentiles_from_the_bucket_deltas_like_histogram_quantile() {
    MetricsSampler sampler = new MetricsSampler();

    sampler.record(0, metrics(0, 0, 0, 0));
    // 100 events: all between 1 s and 5 s
    sampler.record(1, metrics(100, 0, 0, 100));

    RunSample sample = sampler.samples().get(0);
    assertThat(sample.lagP50Seconds()).isCloseTo(3.0, within(1e-9));
    assertThat(sample.lagP99Seconds()).isCloseTo(4.96, within(1e-9));
  }

  @Test
  void reports_no_lag_when_nothing_finished_and_survives_a_counter_reset() {
    MetricsSampler sampler = new MetricsSampler();

    sampler.record(0, metrics(500, 0, 0, 0));
    sampler.record(1, metrics(500, 0, 0, 0));
    sampler.record(2, metrics(7, 0, 0, 0)); // the reconciler restarted

    assertThat(sampler.samples().get(0).lagP99Seconds()).isNaN();
    assertThat(sampler.samples().get(1).eventsPerSecond()).containsEntry("applied", 7.0);
  }

  /** A /metrics page: applied and stale counters; lag buckets at 1 s and 5 s (+Inf). */
  private static String metrics(double applied, double stale, double within1s, double within5s) {
    double cumulative5 = within1s + within5s;
    return """
        # HELP lagline_reconciler_events_total Events handled
        # TYPE lagline_reconciler_events_total counter
        lagline_reconciler_events_total{event_type="DeviceSynced",outcome="applied"} %s
        lagline_reconciler_events_total{event_type="DeviceSynced",outcome="stale"} %s
        lagline_reconciler_consistency_lag_seconds_bucket{event_type="DeviceSynced",le="1.0"} %s
        lagline_reconciler_consistency_lag_seconds_bucket{event_type="DeviceSynced",le="5.0"} %s
        lagline_reconciler_consistency_lag_seconds_bucket{event_type="DeviceSynced",le="+Inf"} %s
        lagline_reconciler_consistency_lag_seconds_count{event_type="DeviceSynced"} %s
        """
        .formatted(applied, stale, within1s, cumulative5, cumulative5, cumulative5);
  }
}
