package io.lagline.bench;

import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Steady state: one reconciler while the producer publishes at a fixed share of the sustainable
 * rate (the measured loopback drain rate), one phase per share. Each phase's lag is the difference
 * of the reconciler's lag histogram before and after it (the phase's events included, once all are
 * handled); events/s is what was published over the phase's wall time. The 50% phase runs {@value
 * #HALF_RUNS} times in a row before the 80% phase, since its lag p99 (a target) is interpolated in
 * wide histogram buckets and moved from 173 to 280 ms between two single full runs; the target
 * takes the median. With notifications on, one 50% phase and the 80% phase run again on a fresh
 * keyspace and emulator with the reconciled stream published, with the same events at the same
 * rates as the first 50% phase and the 80% phase without, so the two sets of rows compare like for
 * like.
 */
final class SteadyScenario {
  /** Ends the ids of the rows (and the chart) with notifications on. */
  static final String NOTIFY_SUFFIX = "_notify";

  /**
   * How many times the 50% phase runs without notifications (rows {@code steady50}, {@code _2}...).
   */
  static final int HALF_RUNS = 3;

  /** Longest unreported warm-up before the first phase. */
  static final Duration WARM_UP = Duration.ofSeconds(10);

  private SteadyScenario() {}

  /**
   * The id of a phase's row: {@code steady50}, then {@code steady50_2}... for the repeats, and
   * {@value #NOTIFY_SUFFIX} at the end with notifications on.
   *
   * @param run 1 for the first run of this share
   */
  static String rowId(double share, int run, boolean notifications) {
    String id = "steady" + Math.round(share * 100) + (run > 1 ? "_" + run : "");
    return notifications ? id + NOTIFY_SUFFIX : id;
  }

  /**
   * Starts a reconciler on a fresh emulator, warms it up, and runs the 50% phase ({@value
   * #HALF_RUNS} times without notifications, once with) and the 80% phase.
   *
   * @param sustainable the loopback drain rate
   * @param notifications whether the reconciler publishes the reconciled stream; its rows' ids end
   *     in {@value #NOTIFY_SUFFIX}
   */
  @SuppressWarnings("try") // the chart samples in the background until the block ends
  static List<ScenarioResult> run(
      BenchStack stack,
      double sustainable,
      Duration phase,
      int entities,
      long seed,
      boolean notifications) {
    String suffix = notifications ? NOTIFY_SUFFIX : "";
    String keyspace = "bench_steady" + suffix;
    stack.createSchema(keyspace);
    List<ScenarioResult> rows = new ArrayList<>();
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "steady", List.of("steady-rec"), List.of());
      try (ReconcilerRun reconciler =
              ReconcilerRun.start(
                  "reconciler-steady" + suffix,
                  stack.dir().resolve("logs"),
                  stack,
                  "steady-rec",
                  "steady",
                  stack.emulatorHost(),
                  stack.cassandra().getHostString() + ":" + stack.cassandra().getPort(),
                  keyspace,
                  ReconcilerRun.DEFAULT_HEAP,
                  notifications);
          ScenarioChart chart =
              ScenarioChart.start(
                  reconciler,
                  stack.dir().getParent(),
                  "steady" + suffix,
                  notifications
                      ? "steady state at 50% then 80%, notifications on"
                      : "steady state at 50% (" + HALF_RUNS + " times) then 80%")) {
        Duration warmUp = phase.dividedBy(2).compareTo(WARM_UP) < 0 ? phase.dividedBy(2) : WARM_UP;
        warmUp(reconciler, "steady", stack.emulatorHost(), sustainable / 2, warmUp);
        int halfRuns = notifications ? 1 : HALF_RUNS;
        for (int run = 1; run <= halfRuns + 1; run++) {
          boolean half = run <= halfRuns; // the 80% phase last, once
          rows.add(
              phase(
                  reconciler,
                  "steady",
                  stack.emulatorHost(),
                  half ? 0.5 : 0.8,
                  half ? run : 1,
                  sustainable,
                  phase,
                  entities,
                  seed,
                  notifications));
        }
      }
    }
    return rows;
  }

  /**
   * Publishes at {@code rate} for {@code duration} and waits until all is handled, measuring
   * nothing: a reconciler that just started is still compiling its hot paths.
   */
  static void warmUp(
      ReconcilerRun reconciler,
      String topicId,
      String emulatorHost,
      double rate,
      Duration duration) {
    int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    BenchWorkload workload = BenchWorkload.uniform("steadywarm", count, count, 0, 1);
    long base = ReconcilerDrain.handled(reconciler.progressMetrics());
    Publishing.paced(emulatorHost, topicId, workload.events(), rate);
    DrainClock.await(
        "reconciler warming up (log " + reconciler.logFile() + ")",
        base + count,
        () -> ReconcilerDrain.handled(reconciler.progressMetrics()),
        reconciler::isAlive,
        -1,
        Bench.STALL);
  }

  /**
   * Runs one phase on a reconciler that is already running.
   *
   * @param share e.g. 0.5
   * @param run which run of this share, from 1: each run publishes events of entities of its own
   *     (the events of a run with notifications on are those of the same run without)
   * @param sustainable events/s the rate is a share of
   * @param entities how many entity keys the phase's events are spread over
   * @param seed the scenario's seed; each share and run varies it
   * @param notifications the reconciler publishes the reconciled stream: the row's id and name say
   *     so, its lag is the visible lag (publish time to the notification confirmed); the events are
   *     the same as without
   */
  static ScenarioResult phase(
      ReconcilerRun reconciler,
      String topicId,
      String emulatorHost,
      double share,
      int run,
      double sustainable,
      Duration duration,
      int entities,
      long seed,
      boolean notifications) {
    String id = rowId(share, run, false);
    double rate = share * sustainable;
    int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    BenchWorkload workload =
        BenchWorkload.uniform(
            id,
            count,
            Math.min(entities, count),
            0,
            seed + Math.round(share * 100) + 1000L * (run - 1));
    long base = ReconcilerDrain.handled(reconciler.progressMetrics());
    LagSnapshot before = LagSnapshot.parse(reconciler.progressMetrics(), notifications);
    ProcStats cpuBefore = ProcStats.read(reconciler.pid());
    double published = Publishing.paced(emulatorHost, topicId, workload.events(), rate);
    DrainClock.await(
        "reconciler in " + id + " (log " + reconciler.logFile() + ")",
        base + count,
        () -> ReconcilerDrain.handled(reconciler.progressMetrics()),
        reconciler::isAlive,
        -1,
        Bench.STALL);
    LagSnapshot lag = LagSnapshot.parse(reconciler.progressMetrics(), notifications).minus(before);
    ProcStats cpuAfter = ProcStats.read(reconciler.pid());
    return new ScenarioResult(
        rowId(share, run, notifications),
        String.format(
            Locale.ROOT,
            "steady state at %d%% of drain rate%s%s",
            Math.round(share * 100),
            run > 1 ? " (run " + run + ")" : "",
            notifications ? ", notifications on" : ""),
        count,
        count / published,
        lag.quantileMs(0.50),
        lag.quantileMs(0.99),
        lag.maxMs(),
        cpuAfter.cpuSeconds() - cpuBefore.cpuSeconds(),
        published,
        cpuAfter.peakRssMb(),
        String.format(
            Locale.ROOT,
            "offered %.0f/s for %d s over %d entities%s",
            rate,
            duration.toSeconds(),
            workload.entities(),
            notifications ? "; lag = visible lag (publish → notification confirmed)" : ""));
  }
}
