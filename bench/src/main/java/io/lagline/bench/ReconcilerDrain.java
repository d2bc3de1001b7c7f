package io.lagline.bench;

import io.lagline.metrics.PrometheusText;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A reconciler process draining a backlog that is already published: started after the backlog is
 * in place, timed with {@link DrainClock} on its {@code lagline_reconciler_events_total} (every
 * outcome except {@code failed}, which is redelivered), then read back.
 */
final class ReconcilerDrain {
  private ReconcilerDrain() {}

  /**
   * What one drain gave.
   *
   * @param row the table row
   * @param readBack the comparison of Cassandra with the newest event of each entity
   * @param gcSeconds the reconciler's GC pause time over its whole life
   */
  record Outcome(ScenarioResult row, BenchReadBack readBack, double gcSeconds) {}

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
      BenchWorkload workload,
      String keyspace,
      String emulatorHost,
      String cassandra,
      String heap,
      boolean notifications,
      String notes) {
    Path dir = stack.dir().resolve("logs");
    long expected = workload.events().size();
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
      DrainClock.Timing timing;
      try {
        timing =
            DrainClock.await(
                "reconciler-" + id + " (log " + reconciler.logFile() + ")",
                expected,
                () -> handled(reconciler.metrics()),
                reconciler::isAlive,
                reconciler.pid(),
                Bench.STALL);
      } catch (BenchException e) {
        if (reconciler.loggedOutOfMemory()) {
          throw new BenchException("OutOfMemoryError: " + e.getMessage(), e);
        }
        throw e;
      }
      String metrics = reconciler.metrics();
      LagSnapshot lag = LagSnapshot.parse(metrics, notifications);
      double gc = PrometheusText.parse(metrics).sum("jvm_gc_pause_seconds_sum");
      BenchReadBack readBack = BenchReadBack.check(stack.session(), keyspace, workload.newest());
      String more =
          String.format(
              Locale.ROOT,
              "%d entities; read-back %s; GC %.1f s",
              workload.entities(),
              readBack.exact() ? "exact" : readBack.mismatches() + " mismatches",
              gc);
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
      return new Outcome(row, readBack, gc);
    }
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
