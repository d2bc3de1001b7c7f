package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lagline.bench.ingest.CpuSample;
import io.lagline.bench.ingest.IngestOutcome;
import io.lagline.bench.ingest.IngestPlan;
import io.lagline.bench.ingest.Latency;
import io.lagline.bench.ingest.PeakCriterion;
import io.lagline.bench.ingest.PeakResult;
import io.lagline.bench.ingest.PhaseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the ingest row's outcome becomes rows, summary fields and its target. */
class IngestStepTest {
  private static final CpuSample CORES = new CpuSample(1.1, 0.3, 0.4, 0.2, 1.5);

  private static PhaseResult phase(double rate, int accepted, double p50, double p99) {
    return new PhaseResult(
        rate,
        1000,
        accepted,
        1000 - accepted,
        0,
        0,
        0,
        2,
        new Latency(accepted, p50, p99, p99 * 2),
        CORES);
  }

  private static IngestOutcome outcome(List<PhaseResult> steps) {
    return new IngestOutcome(
        IngestPlan.quick(),
        phase(500, 1000, 12, 40),
        phase(500, 1000, 20, 80),
        new PeakResult(steps, PeakCriterion.DEFAULT, 2));
  }

  @Test
  void the_row_compares_http_with_the_library_and_reports_the_last_sustained_rate() {
    BenchResults results = new BenchResults();

    IngestStep.record(
        outcome(
            List.of(
                phase(500, 1000, 20, 80), phase(750, 1000, 25, 90), phase(1125, 900, 400, 900))),
        results);

    assertThat(results.ratios().get("ingest_p99_over_library_p99")).isCloseTo(2, within(1e-9));
    assertThat(results.targets())
        .filteredOn(t -> t.key().equals("ingest_p99_over_library_p99"))
        .singleElement()
        .satisfies(t -> assertThat(t.met()).isFalse());
    assertThat(results.eps("ingest_peak")).isEqualTo(750);
    Map<String, Object> json = SummaryJson.of(results, Map.of());
    assertThat(json)
        .containsEntry("ingest_rate_rps", 500.0)
        .containsEntry("ingest_library_p99_ms", 40.0)
        .containsEntry("ingest_http_p50_ms", 20.0)
        .containsEntry("ingest_peak_rps", 750.0);
    assertThat((String) json.get("ingest_peak_limit"))
        .startsWith("at 1125/s: 90.0% accepted < 99% (100 refused with 429");
    assertThat((List<?>) json.get("ingest_peak_steps")).hasSize(3);
    assertThat(Table.render(results))
        .contains("| ingest: library publish at 500/s | 1000 | 500 | 12.0 | 40.0 | 80.0 |")
        .contains("| ingest: POST /v1/events at 500/s, 8 clients | 1000 | 500 | 20.0 | 80.0 |")
        .contains(
            "| ingest: p99 to 202 / library publish p99, same rate (machine busy: 1.50 cores with"
                + " HTTP, 1.50 with the library, of "
                + Runtime.getRuntime().availableProcessors()
                + ") | 2.00 | <= 1.50 | missed |");
  }

  @Test
  void without_a_sustained_rate_the_peak_row_says_so_and_its_figure_is_null() {
    BenchResults results = new BenchResults();

    IngestStep.record(outcome(List.of(phase(500, 10, 900, 2000))), results);

    assertThat(results.eps("ingest_peak")).isNaN();
    assertThat(SummaryJson.of(results, Map.of())).containsEntry("ingest_peak_rps", null);
    assertThat(Table.render(results)).contains("no rate sustained; sustained = >= 99% 202");
  }
}
