package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lagline.event.EventCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios, targets, the table and summary.json from one set of rows. */
class ResultsTest {
  private static ScenarioResult row(String id, double eps, double p99) {
    return new ScenarioResult(id, id + " row", 1000, eps, 10, p99, 300, 2, 1, 200, "n");
  }

  private static BenchResults results() {
    BenchResults r = new BenchResults();
    r.add(row("lwt_ceiling", 4000, Double.NaN));
    r.add(row("emulator_ceiling", 6000, Double.NaN));
    // 3 CPU s for 1000 events: 3000 µs each, against 2000 + 2000 for the two ceilings
    r.add(new ScenarioResult("drain", "drain row", 1000, 3600, 10, 900, 300, 3, 1, 200, "n"));
    r.add(row("naive", 900, Double.NaN));
    r.add(row("hotkeys", 9000, 500));
    r.add(row("cluster_latency", 3000, 950));
    r.add(row("cluster_latency_naive", 300, Double.NaN));
    r.add(row("crosscloud", 2000, 1200));
    r.add(row("crosscloud100", 3240, 1500));
    r.add(row("redelivery", 13000, 800));
    // 0.85 of the drain: misses its target of 0.9
    r.add(row("rebuild", 3060, Double.NaN));
    // three 50% runs: median 140 (met), mean 187 (would miss), first 120
    r.add(row("steady50", 1800, 120));
    r.add(row("steady50_2", 1800, 300));
    r.add(row("steady50_3", 1800, 140));
    r.add(row("steady80", 2880, 400));
    r.add(row("xmx128", 3000, 5000));
    r.add(row("drain_notify", 3240, 950));
    r.add(
        new ScenarioResult(
            "steady50_notify", "steady50_notify row", 1000, 1800, 10, 180, 300, 3, 1, 200, "n"));
    r.add(row("ingest_library", 500, 20));
    r.add(row("ingest_http", 500, 26));
    r.add(row("ingest_peak", 1125, 60));
    r.extra("ingest_rate_rps", 500.0);
    r.hotkeysReadbackExact(true);
    r.xmx128Completed(true);
    return r;
  }

  @Test
  void ratios_divide_by_the_smaller_ceiling_and_the_matching_baseline() {
    Map<String, Double> ratios = results().ratios();

    assertThat(ratios.get("drain_over_ceiling")).isCloseTo(0.9, within(1e-9));
    assertThat(ratios.get("drain_over_naive")).isCloseTo(4, within(1e-9));
    assertThat(ratios.get("cluster_latency_over_naive")).isCloseTo(10, within(1e-9));
    assertThat(ratios.get("crosscloud_over_drain")).isCloseTo(2000 / 3600.0, within(1e-9));
    assertThat(ratios.get("crosscloud100_over_drain")).isCloseTo(0.9, within(1e-9));
    assertThat(ratios.get("hotkeys_over_lwt_ceiling")).isCloseTo(2.25, within(1e-9));
    assertThat(ratios.get("redelivery_over_lwt_ceiling")).isCloseTo(3.25, within(1e-9));
    assertThat(ratios.get("rebuild_over_drain")).isCloseTo(0.85, within(1e-9));
    assertThat(ratios.get("ingest_p99_over_library_p99")).isCloseTo(1.3, within(1e-9));
    assertThat(ratios.get("reconciler_cpu_us_per_event")).isCloseTo(3000, within(1e-6));
    assertThat(ratios.get("parts_cpu_us_per_event")).isCloseTo(4000, within(1e-6));
    assertThat(ratios.get("cpu_over_parts")).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void cpu_over_parts_is_a_target_of_at_most_1_3_and_unmeasured_without_a_drain() {
    assertThat(results().targets())
        .filteredOn(t -> t.key().equals("cpu_over_parts"))
        .singleElement()
        .satisfies(t -> assertThat(t.met()).isTrue());
    BenchResults none = new BenchResults();
    none.add(row("lwt_ceiling", 4000, Double.NaN));

    assertThat(none.ratios().get("cpu_over_parts")).isNaN();
  }

  @Test
  void notifications_are_on_over_off_and_a_phase_that_did_not_run_is_nan() {
    Map<String, Double> on = results().notifications();

    assertThat(on.get("drain_ratio")).isCloseTo(0.9, within(1e-9));
    assertThat(on.get("steady50_cpu_ratio")).isCloseTo(1.5, within(1e-9));
    assertThat(on.get("steady50_visible_lag_p99_ratio")).isCloseTo(1.5, within(1e-9));
    assertThat(on.get("steady80_cpu_ratio")).isNaN();
    assertThat(Table.render(results()))
        .contains("| notifications on / off | ratio |")
        .contains("| loopback drain: events/s (`drain_ratio`) | 0.90 |")
        .contains("| steady 80%: lag p99 a reader sees (`steady80_visible_lag_p99_ratio`) | - |");
  }

  @Test
  void each_target_is_met_or_missed_and_an_unmeasured_one_is_neither() {
    BenchResults r = results();
    Map<String, Boolean> met = new java.util.HashMap<>();
    r.targets().forEach(t -> met.put(t.key(), t.met()));

    assertThat(met)
        .containsEntry("drain_over_ceiling", true)
        .containsEntry("cluster_latency_over_naive", true)
        .containsEntry("cluster_latency_over_drain", true)
        .containsEntry("crosscloud_over_drain", false)
        .containsEntry("crosscloud100_over_drain", true)
        .containsEntry("hotkeys_over_lwt_ceiling", true)
        .containsEntry("redelivery_over_lwt_ceiling", true)
        .containsEntry("rebuild_over_drain", false)
        .containsEntry("cpu_over_parts", true)
        .containsEntry("steady50_lag_p99_ms", true)
        .containsEntry("ingest_p99_over_library_p99", true)
        .containsEntry("xmx128_completed", true);

    BenchResults empty = new BenchResults();
    assertThat(empty.targets()).allSatisfy(t -> assertThat(t.met()).isFalse());
    assertThat(Table.render(empty)).contains("| not measured |");
  }

  @Test
  void a_hot_keys_run_with_a_wrong_read_back_does_not_meet_its_target() {
    BenchResults r = results();
    r.hotkeysReadbackExact(false);

    assertThat(r.targets())
        .filteredOn(t -> t.key().equals("hotkeys_over_lwt_ceiling"))
        .singleElement()
        .satisfies(t -> assertThat(t.met()).isFalse());
  }

  @Test
  void the_table_has_one_row_per_scenario_and_marks_missed_targets() {
    String table = Table.render(results());

    assertThat(table)
        .startsWith("| scenario | events | events/s |")
        .contains("| drain row | 1000 | 3600 | 10.0 | 900 | 300 | 3.00 (3.00) | 200 | n |")
        .contains("| cross-cloud drain / loopback drain | 0.56 | >= 0.80 | missed |")
        .contains("| steady 50%: lag p99 in ms (median of 3 runs) | 140 | <= 150 | met |")
        .contains("| redelivery storm (second copy) / LWT ceiling | 3.25 | >= 3.00 | met |")
        .contains(
            "| rebuild of the drain backlog (cold, warm-up included) / loopback drain | 0.85 |"
                + " >= 0.90 | missed |");
    assertThat(
            table
                .lines()
                .filter(
                    l ->
                        l.endsWith(
                            "row | 1000 | 3600 | 10.0 | 900 | 300 | 3.00 (3.00) | 200 | n |")))
        .hasSize(1);
  }

  @Test
  void summary_json_has_every_required_field_as_a_number_and_the_two_booleans() throws Exception {
    Map<String, Object> json = SummaryJson.of(results(), Map.of("mode", "test"));
    String text = EventCodec.json().writeValueAsString(json);
    var tree = EventCodec.json().readTree(text);

    for (String field : SummaryJson.REQUIRED_NUMBERS) {
      assertThat(tree.get(field)).as(field).isNotNull();
      assertThat(tree.get(field).isNumber()).as(field).isTrue();
    }
    assertThat(tree.get("xmx128_completed").asBoolean()).isTrue();
    assertThat(tree.get("steady50_lag_p99_ms").asDouble()).isEqualTo(140);
    assertThat(tree.get("steady50_lag_p99_runs_ms"))
        .extracting(n -> n.asDouble())
        .containsExactly(120.0, 300.0, 140.0);
    assertThat(tree.get("redelivery_eps").asDouble()).isEqualTo(13000);
    assertThat(tree.get("crosscloud100_eps").asDouble()).isEqualTo(3240);
    assertThat(tree.get("rebuild_eps").asDouble()).isEqualTo(3060);
    assertThat(tree.get("rebuild_over_drain").asDouble()).isCloseTo(0.85, within(1e-9));
    assertThat(tree.get("targets").get("rebuild_over_drain").get("met").asBoolean()).isFalse();
    assertThat(tree.get("hotkeys_readback_exact").asBoolean()).isTrue();
    assertThat(tree.get("drain_eps").asDouble()).isEqualTo(3600);
    assertThat(tree.get("steady80_lag_p99_ms").asDouble()).isEqualTo(400);
    assertThat(tree.get("ingest_rate_rps").asDouble()).isEqualTo(500);
    assertThat(tree.get("ingest_http_p99_ms").asDouble()).isEqualTo(26);
    assertThat(tree.get("ingest_library_p50_ms").asDouble()).isEqualTo(10);
    assertThat(tree.get("ingest_peak_rps").asDouble()).isEqualTo(1125);
    assertThat(tree.get("ingest_p99_over_library_p99").asDouble()).isCloseTo(1.3, within(1e-9));
    assertThat(tree.get("targets").get("ingest_p99_over_library_p99").get("rule").asText())
        .isEqualTo("<= 1.50");
    assertThat(tree.get("targets").get("crosscloud_over_drain").get("met").asBoolean()).isFalse();
    assertThat(tree.get("drain_notify_eps").asDouble()).isEqualTo(3240);
    assertThat(tree.get("notifications").get("drain_ratio").asDouble())
        .isCloseTo(0.9, within(1e-9));
    assertThat(tree.get("notifications").get("steady80_cpu_ratio").isNull()).isTrue();
  }

  @Test
  void an_unmeasured_figure_is_null_in_json_not_nan() {
    Map<String, Object> json = SummaryJson.of(new BenchResults(), Map.of());

    assertThat(json.get("drain_eps")).isNull();
    assertThat(json).containsEntry("rebuild_eps", null).containsEntry("rebuild_over_drain", null);
    assertThat(json).containsEntry("ingest_rate_rps", null).containsEntry("ingest_peak_rps", null);
    assertThat(json).containsKey("drain_over_ceiling");
    assertThat(json.get("xmx128_completed")).isEqualTo(false);
    assertThat(json.get("steady50_lag_p99_ms")).isNull();
    assertThat((java.util.List<?>) json.get("steady50_lag_p99_runs_ms"))
        .containsExactly(null, null, null);
  }

  @Test
  void the_targets_are_the_issues_with_their_bounds() {
    Map<String, String> rules = new java.util.LinkedHashMap<>();
    results().targets().forEach(t -> rules.put(t.key(), t.rule()));

    assertThat(rules)
        .containsEntry("drain_over_ceiling", ">= 0.80")
        .containsEntry("cluster_latency_over_naive", ">= 5.00")
        .containsEntry("cluster_latency_over_drain", ">= 0.80")
        .containsEntry("hotkeys_over_lwt_ceiling", ">= 2.00")
        .containsEntry("crosscloud_over_drain", ">= 0.80")
        .containsEntry("crosscloud100_over_drain", ">= 0.80")
        .containsEntry("redelivery_over_lwt_ceiling", ">= 3.00")
        .containsEntry("rebuild_over_drain", ">= 0.90")
        .containsEntry("steady50_lag_p99_ms", "<= 150")
        .containsEntry("xmx128_completed", ">= 1.00")
        .containsEntry("cpu_over_parts", "<= 1.30")
        .containsEntry("ingest_p99_over_library_p99", "<= 1.50");
  }

  @Test
  void the_steady_target_is_the_median_of_the_three_50_percent_runs() {
    BenchResults r = results();
    r.add(row("steady50_2", 1800, 160));

    assertThat(r.steady50LagP99Runs()).containsExactly(120.0, 160.0, 140.0);
    assertThat(r.steady50LagP99()).isEqualTo(140);
    assertThat(r.targets())
        .filteredOn(t -> t.key().equals("steady50_lag_p99_ms"))
        .singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo(140));

    r.add(row("steady50_3", 1800, 400));
    r.add(row("steady50", 1800, 151));

    assertThat(r.targets())
        .filteredOn(t -> t.key().equals("steady50_lag_p99_ms"))
        .singleElement()
        .satisfies(t -> assertThat(t.met()).as("median 160").isFalse());
  }

  @Test
  void the_median_skips_runs_that_did_not_run_and_averages_the_middle_two() {
    assertThat(BenchResults.median(java.util.List.of(300.0, 100.0, 200.0))).isEqualTo(200);
    assertThat(BenchResults.median(java.util.List.of(300.0, Double.NaN, 100.0))).isEqualTo(200);
    assertThat(BenchResults.median(java.util.List.of(Double.NaN, 90.0, Double.NaN))).isEqualTo(90);
    assertThat(BenchResults.median(java.util.List.of(Double.NaN, Double.NaN))).isNaN();
  }

  @Test
  void the_notifications_on_50_percent_phase_is_compared_with_the_first_run_without() {
    BenchResults r = results();
    r.add(row("steady50_2", 1800, 1000));

    assertThat(r.notifications().get("steady50_visible_lag_p99_ratio"))
        .isCloseTo(180 / 120.0, within(1e-9));
  }

  @Test
  void the_50_percent_repeats_have_row_ids_of_their_own() {
    assertThat(SteadyScenario.rowId(0.5, 1, false)).isEqualTo("steady50");
    assertThat(SteadyScenario.rowId(0.5, 3, false)).isEqualTo("steady50_3");
    assertThat(SteadyScenario.rowId(0.8, 1, true)).isEqualTo("steady80_notify");
  }
}
