package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZipfTest {
  @Test
  void probabilities_fall_with_rank_as_one_over_rank_to_the_s() {
    Zipf zipf = new Zipf(10_000, 1.1, 1);

    assertThat(zipf.probability(0) / zipf.probability(1)).isCloseTo(Math.pow(2, 1.1), within());
    assertThat(zipf.probability(9) / zipf.probability(99)).isCloseTo(Math.pow(10, 1.1), within());
  }

  @Test
  void draws_follow_the_distribution_and_stay_in_range() {
    Zipf zipf = new Zipf(10_000, 1.1, 42);
    int[] counts = new int[10_000];
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      counts[zipf.next()]++;
    }

    assertThat((double) counts[0] / draws).isCloseTo(zipf.probability(0), within(0.01));
    assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[100]);
  }

  @Test
  void the_same_seed_draws_the_same_ranks() {
    Zipf a = new Zipf(100, 1.1, 3);
    Zipf b = new Zipf(100, 1.1, 3);
    for (int i = 0; i < 100; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void rejects_an_empty_range() {
    assertThatThrownBy(() -> new Zipf(0, 1.1, 1)).hasMessageContaining("n=0");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return within(1e-9);
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
