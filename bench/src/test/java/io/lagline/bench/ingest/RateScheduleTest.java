package io.lagline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {
  @Test
  void send_i_is_due_at_i_over_the_rate_whatever_came_before() {
    RateSchedule schedule = new RateSchedule(1000);

    assertThat(schedule.dueNanos(0)).isZero();
    assertThat(schedule.dueNanos(1)).isEqualTo(1_000_000);
    assertThat(schedule.dueNanos(1500)).isEqualTo(1_500_000_000L);
  }

  @Test
  void an_uneven_rate_rounds_up_and_never_goes_back() {
    RateSchedule schedule = new RateSchedule(3);

    assertThat(schedule.dueNanos(1)).isEqualTo(333_333_334);
    long previous = -1;
    for (int i = 0; i < 10_000; i++) {
      assertThat(schedule.dueNanos(i)).isGreaterThan(previous);
      previous = schedule.dueNanos(i);
    }
  }

  @Test
  void a_duration_holds_rate_times_seconds_sends_and_at_least_one() {
    assertThat(new RateSchedule(500).count(Duration.ofSeconds(5))).isEqualTo(2500);
    assertThat(new RateSchedule(750).count(Duration.ofMillis(400))).isEqualTo(300);
    assertThat(new RateSchedule(1).count(Duration.ofMillis(10))).isEqualTo(1);
  }

  @Test
  void a_rate_must_be_positive_and_finite() {
    for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new RateSchedule(rate))
          .as("%s", rate)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive and finite");
    }
  }
}
