package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LagSnapshotTest {
  private static String metrics(double le10, double le100, double le250, double count, double max) {
    String m = LagSnapshot.METRIC;
    return String.join(
        "\n",
        "# TYPE " + m + " histogram",
        m + "_bucket{event_type=\"EntityUpdated\",le=\"0.01\"} " + le10,
        m + "_bucket{event_type=\"EntityUpdated\",le=\"0.1\"} " + le100,
        m + "_bucket{event_type=\"EntityUpdated\",le=\"0.25\"} " + le250,
        m + "_bucket{event_type=\"EntityUpdated\",le=\"+Inf\"} " + count,
        m + "_count{event_type=\"EntityUpdated\"} " + count,
        m + "_max{event_type=\"EntityUpdated\"} " + max,
        "");
  }

  @Test
  void percentiles_are_interpolated_within_buckets_of_the_difference() {
    LagSnapshot before = LagSnapshot.parse(metrics(100, 100, 100, 100, 0.005));
    LagSnapshot after = LagSnapshot.parse(metrics(100, 150, 200, 200, 0.2));

    LagSnapshot phase = after.minus(before);

    assertThat(phase.count()).isEqualTo(100);
    assertThat(phase.quantileMs(0.50)).isCloseTo(100, within(1e-6));
    assertThat(phase.quantileMs(0.25)).isCloseTo(55, within(1e-6));
    assertThat(phase.maxMs()).isCloseTo(200, within(1e-6));
  }

  @Test
  void a_phase_max_is_capped_by_the_highest_bucket_it_reached() {
    LagSnapshot before = LagSnapshot.parse(metrics(0, 0, 10, 10, 0.2));
    LagSnapshot after = LagSnapshot.parse(metrics(50, 60, 70, 70, 0.2));

    assertThat(after.minus(before).maxMs()).isCloseTo(100, within(1e-6));
  }

  @Test
  void nothing_observed_has_no_percentiles() {
    assertThat(LagSnapshot.EMPTY.quantileMs(0.99)).isNaN();
  }
}
