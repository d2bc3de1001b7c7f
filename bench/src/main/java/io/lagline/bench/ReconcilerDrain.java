package io.lagline.bench;

import io.lagline.metrics.PrometheusText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A reconciler process draining a backlog that is already published: started after the backlog is
 * in place, timed with {@link DrainClock} on its {@code lagline_reconciler_events_total} (every
 * outcome except {@code failed}, which is redelivered) beyond the backlog's warm-up, then read
 * back. The row's lag and version-cache figures are those of the measured events: the difference of
 * the reconciler's counters at the end and at the last poll before the warm-up was handled (so a
 * poll's worth of warm-up events may count, no more).
 */
final class ReconcilerDrain {
  /** Writes the reconciler answered from its version cache, without a Cassandra round trip. */
  static final String VERSION_CACHE_ANSWERS = "lagline_reconciler_version_cache_answers_total";

  private ReconcilerDrain() {}

  /**
   * What one drain gave.
   *
   * @param row the table row
   * @param readBack the comparison of Cassandra with the newest event of each entity
   * @param gcSeconds the reconciler's GC pause time over its whole life
   * @param versionCacheAnswers writes of the measured events answered from the reconciler's version
   *     cache ({@value #VERSION_CACHE_ANSWERS}; 0 for a reconciler without one)
   * @param cpuByThreads the measured interval's CPU in microseconds per event, by {@link ThreadCpu}
   *     kind; empty when not read
   */
  record Outcome(
      ScenarioResult row,
      BenchReadBack readBack,
      double gcSeconds,
      long versionCacheAnswers,
      Map<String, Double> cpuByThreads) {}

  /**
   * Runs one drain.
   *
   * @param emulatorHost where the reconciler reaches Pub/Sub
   * @param cassandra where the reconciler reaches Cassandra
   * @param notifications whether the reconciler publishes the reconciled stream; the row's lag is
   *     then the visible lag (publish time to the notification confirmed)
   */
  @SuppressWarnings("try") // the chart samples in the background until the block ends
  static Outcome run(
      String id,
      String name,
      BenchStack stack,
      String topicId,
      String subscriptionId,
      DrainBacklog backlog,
      String keyspace,
      String emulatorHost,
      String cassandra,
      String heap,
      boolean notifications,
      String notes) {
    Path dir = stack.dir().resolve("logs");
    BenchWorkload workload = backlog.measured();
    long expected = workload.events().size();
    int warm = backlog.warmEvents();
    try (ReconcilerRun reconciler =
            ReconcilerRun.start(
                "reconciler-" + id,
                dir,
                stack,
                subscriptionId,
                topicId,
                emulatorHost,
                cassandra,
                keyspace,
                heap,
                notifications);
        ScenarioChart chart = ScenarioChart.start(reconciler, stack.dir().getParent(), id, name)) {
      WarmUpMark mark = new WarmUpMark(warm);
      DrainClock.Timing timing;
      try {
        timing =
            DrainClock.await(
                "reconciler-" + id + " (log " + reconciler.logFile() + ")",
                warm,
                expected,
                () -> mark.handled(reconciler.progressMetrics()),
                reconciler::isAlive,
                reconciler.pid(),
                Bench.STALL);
      } catch (BenchException e) {
        if (reconciler.loggedOutOfMemory()) {
          throw new BenchException("OutOfMemoryError: " + e.getMessage(), e);
        }
        throw e;
      }
      PrometheusText end = PrometheusText.parse(reconciler.metrics());
      PrometheusText before = PrometheusText.parse(mark.page());
      LagSnapshot lag =
          LagSnapshot.parse(end, notifications).minus(LagSnapshot.parse(before, notifications));
      long cacheAnswers =
          Math.round(end.sum(VERSION_CACHE_ANSWERS) - before.sum(VERSION_CACHE_ANSWERS));
      double gc = end.sum("jvm_gc_pause_seconds_sum");
      BenchReadBack readBack = BenchReadBack.check(stack.session(), keyspace, backlog.expected());
      String more =
          String.format(
              Locale.ROOT,
              "%s%d entities; read-back %s; GC %.1f s%s",
              warm > 0 ? "after " + warm + " warm-up events; " : "",
              workload.entities(),
              readBack.exact() ? "exact" : readBack.mismatches() + " mismatches",
              gc,
              threadShares(timing.cpuByThreads()));
      ScenarioResult row =
          new ScenarioResult(
              id,
              name,
              expected,
              timing.eventsPerSecond(),
              lag.quantileMs(0.50),
              lag.quantileMs(0.99),
              lag.maxMs(),
              timing.cpuSeconds(),
              timing.seconds(),
              timing.peakRssMb(),
              notes.isEmpty() ? more : notes + "; " + more);
      Map<String, Double> perEvent = new LinkedHashMap<>();
      timing
          .cpuByThreads()
          .forEach((kind, seconds) -> perEvent.put(kind, seconds * 1e6 / timing.events()));
      return new Outcome(row, readBack, gc, cacheAnswers, perEvent);
    }
  }

  /**
   * Keeps the last {@code /metrics} page polled before the warm-up was all handled: the baseline
   * the measured events' lag and cache answers are counted from. Only the polling thread uses it.
   */
  private static final class WarmUpMark {
    private final long warm;
    private String page = "";

    WarmUpMark(long warm) {
      this.warm = warm;
    }

    long handled(String metrics) {
      long handled = ReconcilerDrain.handled(metrics);
      if (handled <= warm) {
        page = metrics;
      }
      return handled;
    }

    String page() {
      return page;
    }
  }

  /** {@code "; CPU by threads: application 70%, ..."}, or nothing when not read. */
  static String threadShares(Map<String, Double> seconds) {
    double all = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    if (!(all > 0)) {
      return "";
    }
    StringBuilder text = new StringBuilder("; CPU by threads:");
    seconds.forEach(
        (kind, s) -> text.append(String.format(Locale.ROOT, " %s %.0f%%,", kind, 100 * s / all)));
    return text.substring(0, text.length() - 1);
  }

  /** Events acked with a final outcome, from a {@code /metrics} page; -1 when there is none. */
  static long handled(String metrics) {
    if (metrics.isEmpty()) {
      return -1;
    }
    String name = "lagline_reconciler_events_total";
    PrometheusText page = PrometheusText.parse(metrics);
    return Math.round(page.sum(name) - page.sum(name, "outcome=\"failed\""));
  }
}
