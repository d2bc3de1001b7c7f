package io.lagline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void percentiles_are_nearest_rank_in_milliseconds() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[99 - i] = (i + 1) * 1_000_000L; // 1..100 ms, in reverse
    }

    Latency latency = Latency.of(nanos);

    assertThat(latency.count()).isEqualTo(100);
    assertThat(latency.p50Ms()).isEqualTo(50);
    assertThat(latency.p99Ms()).isEqualTo(99);
    assertThat(latency.maxMs()).isEqualTo(100);
    assertThat(nanos[0]).as("the input is not sorted in place").isEqualTo(100_000_000L);
  }

  @Test
  void one_slow_send_in_a_hundred_is_not_the_p99_but_two_are() {
    long[] one = new long[100];
    java.util.Arrays.fill(one, 10_000_000L);
    one[7] = 900_000_000L;
    long[] two = one.clone();
    two[8] = 900_000_000L;

    assertThat(Latency.of(one).p99Ms()).isEqualTo(10);
    assertThat(Latency.of(two).p99Ms()).isEqualTo(900);
  }

  @Test
  void a_single_value_is_every_percentile_and_none_is_nan() {
    assertThat(Latency.percentile(new long[] {42}, 0.5)).isEqualTo(42);
    assertThat(Latency.percentile(new long[] {42}, 0.99)).isEqualTo(42);
    assertThat(Latency.percentile(new long[] {1, 2}, 0)).isEqualTo(1);
    assertThat(Latency.of(new long[0]).p99Ms()).isNaN();
    assertThat(Latency.of(new long[0]).count()).isZero();
  }
}
