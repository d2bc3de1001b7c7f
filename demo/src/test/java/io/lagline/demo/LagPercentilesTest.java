package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LagPercentilesTest {
  private static TreeMap<Double, Double> buckets() {
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    cumulative.put(10.0, 0.0);
    cumulative.put(25.0, 50.0);
    cumulative.put(50.0, 90.0);
    cumulative.put(100.0, 100.0);
    return cumulative;
  }

  @Test
  void interpolates_within_the_bucket_holding_the_rank() {
    assertThat(LagPercentiles.interpolate(buckets(), 100, 0.5)).isCloseTo(25.0, within(1e-9));
    assertThat(LagPercentiles.interpolate(buckets(), 100, 0.7)).isCloseTo(37.5, within(1e-9));
    assertThat(LagPercentiles.interpolate(buckets(), 100, 0.99)).isCloseTo(95.0, within(1e-9));
  }

  @Test
  void nothing_recorded_is_zero_and_overflow_is_the_last_bound() {
    assertThat(LagPercentiles.interpolate(buckets(), 0, 0.5)).isZero();
    assertThat(LagPercentiles.interpolate(buckets(), 200, 0.99)).isEqualTo(100.0);
  }
}
