package io.lagline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code summary.json}: the top-level fields first (numbers, or null when a
 * scenario did not run; the ingest row's {@code ingest_*}; {@code steady50_lag_p99_ms} the median
 * of the runs listed in {@code steady50_lag_p99_runs_ms}), what notifications cost ({@code
 * notifications}: on/off ratios), then the targets, every row, and the machine.
 */
final class SummaryJson {
  /** The numeric top-level fields every summary has. */
  static final List<String> REQUIRED_NUMBERS =
      List.of(
          "lwt_ceiling_eps",
          "emulator_ceiling_eps",
          "drain_eps",
          "naive_eps",
          "cluster_latency_eps",
          "cluster_latency_naive_eps",
          "crosscloud_eps",
          "crosscloud100_eps",
          "hotkeys_eps",
          "redelivery_eps",
          "rebuild_eps",
          "drain_over_ceiling",
          "drain_over_naive",
          "cluster_latency_over_naive",
          "crosscloud_over_drain",
          "crosscloud100_over_drain",
          "hotkeys_over_lwt_ceiling",
          "redelivery_over_lwt_ceiling",
          "rebuild_over_drain",
          "reconciler_cpu_us_per_event",
          "parts_cpu_us_per_event",
          "cpu_over_parts",
          "steady50_lag_p99_ms",
          "steady80_lag_p99_ms",
          "xmx128_peak_rss_mb",
          "ingest_rate_rps",
          "ingest_library_p50_ms",
          "ingest_library_p99_ms",
          "ingest_http_p50_ms",
          "ingest_http_p99_ms",
          "ingest_p99_over_library_p99",
          "ingest_peak_rps");

  private SummaryJson() {}

  static Map<String, Object> of(BenchResults results, Map<String, Object> run) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String id :
        List.of(
            "lwt_ceiling",
            "emulator_ceiling",
            "drain",
            "drain" + SteadyScenario.NOTIFY_SUFFIX,
            "naive",
            "cluster_latency",
            "cluster_latency_naive",
            "crosscloud",
            "crosscloud100",
            "hotkeys",
            "redelivery",
            DrainRebuild.ID)) {
      json.put(id + "_eps", number(results.eps(id)));
    }
    results.ratios().forEach((key, value) -> json.put(key, number(value)));
    json.put("steady50_lag_p99_ms", number(results.steady50LagP99()));
    json.put(
        "steady50_lag_p99_runs_ms",
        results.steady50LagP99Runs().stream().map(SummaryJson::number).toList());
    json.put("steady80_lag_p99_ms", number(results.lagP99("steady80")));
    json.put("xmx128_peak_rss_mb", number(results.peakRss("xmx128")));
    json.put("ingest_rate_rps", null); // the run's figure, from the extras, when measured
    for (String path : List.of("library", "http")) {
      json.put("ingest_" + path + "_p50_ms", number(results.lagP50("ingest_" + path)));
      json.put("ingest_" + path + "_p99_ms", number(results.lagP99("ingest_" + path)));
    }
    json.put("ingest_peak_rps", number(results.eps("ingest_peak")));
    json.put("xmx128_completed", results.xmx128Completed());
    json.put("hotkeys_readback_exact", results.hotkeysReadbackExact());
    results.extras().forEach(json::put);
    Map<String, Object> notifications = new LinkedHashMap<>();
    results.notifications().forEach((key, value) -> notifications.put(key, number(value)));
    json.put("notifications", notifications);
    Map<String, Object> targets = new LinkedHashMap<>();
    for (Target target : results.targets()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("value", number(target.value()));
      t.put("rule", target.rule());
      t.put("met", target.met());
      targets.put(target.key(), t);
    }
    json.put("targets", targets);
    Map<String, Object> rows = new LinkedHashMap<>();
    for (ScenarioResult row : results.rows()) {
      rows.put(row.id(), row(row));
    }
    json.put("scenarios", rows);
    json.put("failures", results.failures());
    json.put("run", run);
    return json;
  }

  private static Map<String, Object> row(ScenarioResult row) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", row.name());
    r.put("events", row.events());
    r.put("events_per_second", number(row.eventsPerSecond()));
    r.put("lag_p50_ms", number(row.lagP50Ms()));
    r.put("lag_p99_ms", number(row.lagP99Ms()));
    r.put("lag_max_ms", number(row.lagMaxMs()));
    r.put("cpu_seconds", number(row.cpuSeconds()));
    r.put("seconds", number(row.seconds()));
    r.put("avg_cores", number(row.averageCores()));
    r.put("peak_rss_mb", number(row.peakRssMb()));
    r.put("notes", row.notes());
    return r;
  }

  /** JSON has no NaN: a figure that was not measured is null. */
  static Double number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }
}
