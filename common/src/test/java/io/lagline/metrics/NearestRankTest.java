package io.lagline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearestRankTest {
  private static final long[] HUNDRED = new long[100];

  static {
    for (int i = 0; i < HUNDRED.length; i++) {
      HUNDRED[i] = i + 1;
    }
  }

  @Test
  void is_the_smallest_value_with_that_share_at_or_below_it() {
    assertThat(NearestRank.of(HUNDRED, 0.50)).isEqualTo(50);
    assertThat(NearestRank.of(HUNDRED, 0.99)).isEqualTo(99);
    assertThat(NearestRank.of(HUNDRED, 0.995)).isEqualTo(100);
    assertThat(NearestRank.of(HUNDRED, 0)).isEqualTo(1);
    assertThat(NearestRank.of(new long[] {7}, 0.99)).isEqualTo(7);
  }

  @Test
  void needs_a_value() {
    assertThatThrownBy(() -> NearestRank.of(new long[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
