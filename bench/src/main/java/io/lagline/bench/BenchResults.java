package io.lagline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured: the rows in run order, the two yes/no checks, and the ratios and
 * targets derived from them.
 */
final class BenchResults {
  private final Map<String, ScenarioResult> rows = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private boolean hotkeysReadbackExact;
  private boolean xmx128Completed;
  private final Map<String, Object> extras = new LinkedHashMap<>();

  /** Adds a row; a row with the same id replaces the earlier one in its place. */
  void add(ScenarioResult row) {
    rows.put(row.id(), row);
  }

  /** Something broke (a read-back mismatch, a crash): the run will exit non-zero naming it. */
  void fail(String cause) {
    failures.add(cause);
  }

  /** A further figure for summary.json (GC time, paxos ratios, ...). */
  void extra(String key, Object value) {
    extras.put(key, value);
  }

  Map<String, Object> extras() {
    return new LinkedHashMap<>(extras);
  }

  void hotkeysReadbackExact(boolean exact) {
    hotkeysReadbackExact = exact;
  }

  void xmx128Completed(boolean completed) {
    xmx128Completed = completed;
  }

  boolean hotkeysReadbackExact() {
    return hotkeysReadbackExact;
  }

  boolean xmx128Completed() {
    return xmx128Completed;
  }

  List<ScenarioResult> rows() {
    return List.copyOf(rows.values());
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  /** events/s of a row; NaN when it did not run. */
  double eps(String id) {
    ScenarioResult row = rows.get(id);
    return row == null ? Double.NaN : row.eventsPerSecond();
  }

  /** A row's lag (or latency) p50; NaN when it did not run. */
  double lagP50(String id) {
    ScenarioResult row = rows.get(id);
    return row == null ? Double.NaN : row.lagP50Ms();
  }

  /** A row's lag (or latency) p99; NaN when it did not run. */
  double lagP99(String id) {
    ScenarioResult row = rows.get(id);
    return row == null ? Double.NaN : row.lagP99Ms();
  }

  /**
   * The lag p99 of each run of the 50% steady phase, in run order; NaN for one that did not run.
   */
  List<Double> steady50LagP99Runs() {
    List<Double> runs = new ArrayList<>();
    for (int run = 1; run <= SteadyScenario.HALF_RUNS; run++) {
      runs.add(lagP99(SteadyScenario.rowId(0.5, run, false)));
    }
    return runs;
  }

  /** The median of {@link #steady50LagP99Runs()}: the steady-state target's figure. */
  double steady50LagP99() {
    return median(steady50LagP99Runs());
  }

  /** The median of the values that are not NaN (of two, their mean); NaN when there is none. */
  static double median(List<Double> values) {
    double[] sorted =
        values.stream().filter(v -> !v.isNaN()).mapToDouble(v -> v).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  double peakRss(String id) {
    ScenarioResult row = rows.get(id);
    return row == null ? Double.NaN : row.peakRssMb();
  }

  /** A row's CPU seconds; NaN when it did not run. */
  double cpu(String id) {
    ScenarioResult row = rows.get(id);
    return row == null ? Double.NaN : row.cpuSeconds();
  }

  /** A row's CPU microseconds per event; NaN when it did not run or had no events or CPU. */
  double cpuMicrosPerEvent(String id) {
    ScenarioResult row = rows.get(id);
    if (row == null || row.events() <= 0 || !(row.cpuSeconds() > 0)) {
      return Double.NaN;
    }
    return row.cpuSeconds() * 1e6 / row.events();
  }

  /**
   * What the reconciled stream costs, each figure with notifications on over off: the loopback
   * drain's events/s ({@code drain_ratio}), and in each steady phase (same events at the same rate)
   * the reconciler's CPU seconds and the lag p99 a reader sees (visible lag on, consistency lag
   * off). NaN when a row did not run. The 50% phase runs once with notifications on, and is
   * compared with the first of the runs without: the one at the same point of the reconciler's
   * life, right after the same warm-up, with the same events.
   */
  Map<String, Double> notifications() {
    String on = SteadyScenario.NOTIFY_SUFFIX;
    Map<String, Double> ratios = new LinkedHashMap<>();
    ratios.put("drain_ratio", eps("drain" + on) / eps("drain"));
    for (String phase : List.of("steady50", "steady80")) {
      ratios.put(phase + "_cpu_ratio", cpu(phase + on) / cpu(phase));
      ratios.put(phase + "_visible_lag_p99_ratio", lagP99(phase + on) / lagP99(phase));
    }
    return ratios;
  }

  /**
   * What the machine's cores were doing while each ingest path ran, for the target's label (a
   * missed ratio on a busy machine is CPU); empty when not measured.
   */
  private String ingestCores() {
    if (extras.get("ingest_http_machine_cores") instanceof Double http
        && extras.get("ingest_library_machine_cores") instanceof Double library) {
      return String.format(
          java.util.Locale.ROOT,
          " (machine busy: %.2f cores with HTTP, %.2f with the library, of %d)",
          http,
          library,
          Runtime.getRuntime().availableProcessors());
    }
    return "";
  }

  /** The ratios summary.json reports, by key. */
  Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    double ceiling = Math.min(eps("lwt_ceiling"), eps("emulator_ceiling"));
    ratios.put("drain_over_ceiling", eps("drain") / ceiling);
    ratios.put("drain_over_naive", eps("drain") / eps("naive"));
    ratios.put("cluster_latency_over_naive", eps("cluster_latency") / eps("cluster_latency_naive"));
    ratios.put("cluster_latency_over_drain", eps("cluster_latency") / eps("drain"));
    ratios.put("crosscloud_over_drain", eps("crosscloud") / eps("drain"));
    ratios.put("crosscloud100_over_drain", eps("crosscloud100") / eps("drain"));
    ratios.put("hotkeys_over_lwt_ceiling", eps("hotkeys") / eps("lwt_ceiling"));
    ratios.put("redelivery_over_lwt_ceiling", eps("redelivery") / eps("lwt_ceiling"));
    ratios.put("rebuild_over_drain", DrainRebuild.overDrain(eps(DrainRebuild.ID), eps("drain")));
    ratios.put("ingest_p99_over_library_p99", lagP99("ingest_http") / lagP99("ingest_library"));
    // the reconciler's CPU per drained event against what its two client libraries alone spend on
    // the same work: an async LWT client (its writes) and an ack-only subscriber (its intake)
    double reconciler = cpuMicrosPerEvent("drain");
    double parts = cpuMicrosPerEvent("lwt_ceiling") + cpuMicrosPerEvent("emulator_ceiling");
    ratios.put("reconciler_cpu_us_per_event", reconciler);
    ratios.put("parts_cpu_us_per_event", parts);
    ratios.put("cpu_over_parts", reconciler / parts);
    return ratios;
  }

  /** The targets, each met or missed. */
  List<Target> targets() {
    Map<String, Double> r = ratios();
    return List.of(
        Target.atLeast(
            "drain_over_ceiling",
            "loopback drain / min(LWT ceiling, emulator ceiling)",
            r.get("drain_over_ceiling"),
            0.8),
        Target.atLeast(
            "cluster_latency_over_naive",
            "drain at cluster latency / naive through the same proxy",
            r.get("cluster_latency_over_naive"),
            5),
        Target.atLeast(
            "cluster_latency_over_drain",
            "drain at cluster latency / loopback drain",
            r.get("cluster_latency_over_drain"),
            0.8),
        Target.atLeast(
            "crosscloud_over_drain",
            "cross-cloud drain / loopback drain",
            r.get("crosscloud_over_drain"),
            0.8),
        Target.atLeast(
            "crosscloud100_over_drain",
            "intercontinental drain (+"
                + Bench.INTERCONTINENTAL_LATENCY.toMillis()
                + " ms each way) / loopback drain",
            r.get("crosscloud100_over_drain"),
            0.8),
        Target.atLeast(
            "hotkeys_over_lwt_ceiling",
            "hot keys / LWT ceiling (read-back exact: "
                + (hotkeysReadbackExact ? "yes" : "NO")
                + ")",
            hotkeysReadbackExact ? r.get("hotkeys_over_lwt_ceiling") : Double.NaN,
            2),
        Target.atLeast(
            "redelivery_over_lwt_ceiling",
            "redelivery storm (second copy) / LWT ceiling",
            r.get("redelivery_over_lwt_ceiling"),
            3),
        Target.atLeast(
            "rebuild_over_drain",
            "rebuild of the drain backlog (cold, warm-up included) / loopback drain",
            r.get("rebuild_over_drain"),
            0.9),
        Target.atMost(
            "cpu_over_parts",
            "reconciler CPU per drained event / (LWT client + ack-only subscriber) per event",
            r.get("cpu_over_parts"),
            1.3),
        Target.atMost(
            "steady50_lag_p99_ms",
            "steady 50%: lag p99 in ms (median of " + SteadyScenario.HALF_RUNS + " runs)",
            steady50LagP99(),
            150),
        Target.atMost(
            "ingest_p99_over_library_p99",
            "ingest: p99 to 202 / library publish p99, same rate" + ingestCores(),
            r.get("ingest_p99_over_library_p99"),
            1.5),
        Target.atLeast(
            "xmx128_completed",
            "-Xmx128m drained its backlog without OutOfMemoryError (1 = yes)",
            xmx128Completed ? 1 : 0,
            1));
  }
}
