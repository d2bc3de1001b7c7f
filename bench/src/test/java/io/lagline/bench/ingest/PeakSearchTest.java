package io.lagline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peak search's stopping rule on made-up steps. */
class PeakSearchTest {
  static PhaseResult step(double rate, int accepted, int refused, double p99Ms, double machine) {
    return new PhaseResult(
        rate,
        1000,
        accepted,
        refused,
        0,
        1000 - accepted - refused,
        0,
        2,
        accepted == 0 ? Latency.NONE : new Latency(accepted, p99Ms / 2, p99Ms, p99Ms * 2),
        new CpuSample(1.2, 0.3, 0.5, 0.2, machine));
  }

  @Test
  void the_search_stops_at_the_first_step_that_breaks_and_reports_the_one_before() {
    List<Double> offered = new ArrayList<>();

    PeakResult peak =
        PeakSearch.search(
            500,
            1.5,
            8,
            PeakCriterion.DEFAULT,
            2,
            rate -> {
              offered.add(rate);
              return rate < 1500 ? step(rate, 1000, 0, 40, 1.2) : step(rate, 1000, 0, 600, 1.95);
            });

    assertThat(offered).containsExactly(500.0, 750.0, 1125.0, 1687.5);
    assertThat(peak.peakRps()).isEqualTo(1125);
    assertThat(peak.broke()).get().extracting(PhaseResult::offeredRate).isEqualTo(1687.5);
    assertThat(peak.limit())
        .startsWith("at 1688/s: p99 600 ms > 250 ms;")
        .contains("machine 1.95 of 2")
        .endsWith(": CPU-bound");
  }

  @Test
  void too_few_202s_break_a_step_even_when_fast_and_429s_are_named() {
    PeakResult peak =
        PeakSearch.search(
            100,
            2,
            5,
            PeakCriterion.DEFAULT,
            2,
            rate -> rate < 400 ? step(rate, 1000, 0, 20, 0.5) : step(rate, 980, 20, 20, 0.5));

    assertThat(peak.peakRps()).isEqualTo(200);
    assertThat(peak.limit())
        .startsWith("at 400/s: 98.0% accepted < 99% (20 refused with 429")
        .endsWith(": the publisher's flow control (429)");
  }

  @Test
  void the_search_is_bounded_and_says_when_it_ran_out_of_steps() {
    PeakResult peak =
        PeakSearch.search(100, 2, 3, PeakCriterion.DEFAULT, 2, rate -> step(rate, 1000, 0, 5, 0.4));

    assertThat(peak.steps()).hasSize(3);
    assertThat(peak.peakRps()).isEqualTo(400);
    assertThat(peak.broke()).isEmpty();
    assertThat(peak.limit()).startsWith("not reached in 3 steps: 400/s still sustained");
  }

  @Test
  void when_the_first_step_breaks_there_is_no_peak() {
    PeakResult peak =
        PeakSearch.search(100, 2, 3, PeakCriterion.DEFAULT, 2, rate -> step(rate, 0, 0, 0, 2));

    assertThat(peak.steps()).hasSize(1);
    assertThat(peak.peakRps()).isNaN();
    assertThat(peak.limit()).startsWith("at 100/s: 0.0% accepted < 99%").doesNotContain("NaN ms");
  }

  @Test
  void the_criterion_takes_the_bounds_as_inclusive() {
    assertThat(PeakCriterion.DEFAULT.sustained(step(1, 990, 10, 250, 0))).isTrue();
    assertThat(PeakCriterion.DEFAULT.sustained(step(1, 989, 11, 250, 0))).isFalse();
    assertThat(PeakCriterion.DEFAULT.sustained(step(1, 1000, 0, 250.1, 0))).isFalse();
    assertThat(PeakCriterion.DEFAULT).hasToString(">= 99% 202 and p99 <= 250 ms");
  }

  @Test
  void a_search_needs_a_growing_rate_and_a_step() {
    assertThatThrownBy(() -> PeakSearch.search(1, 1, 3, PeakCriterion.DEFAULT, 2, r -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeakSearch.search(1, 2, 0, PeakCriterion.DEFAULT, 2, r -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
