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
 * handled); events/s is what was published over the phase's wall time. With notifications on, the
 * same phases run again on a fresh keyspace and emulator with the reconciled stream published, at
 * the same rates, so the two sets of rows compare like for like.
 */
final class SteadyScenario {
  /** Ends the ids of the rows (and the chart) with notifications on. */
  static final String NOTIFY_SUFFIX = "_notify";

  /** Longest unreported warm-up before the first phase. */
  static final Duration WARM_UP = Duration.ofSeconds(10);

  private SteadyScenario() {}

  /**
   * Starts a reconciler on a fresh emulator, warms it up, and runs the 50% and 80% phases.
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
                  "steady state at 50% then 80%" + (notifications ? ", notifications on" : ""))) {
        Duration warmUp = phase.dividedBy(2).compareTo(WARM_UP) < 0 ? phase.dividedBy(2) : WARM_UP;
        warmUp(reconciler, "steady", stack.emulatorHost(), sustainable / 2, warmUp);
        for (double share : new double[] {0.5, 0.8}) {
          rows.add(
              phase(
                  reconciler,
                  "steady",
                  stack.emulatorHost(),
                  share,
                  sustainable,
                  phase,
                  entities,
                  seed + Math.round(share * 100),
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
    long base = ReconcilerDrain.handled(reconciler.metrics());
    Publishing.paced(emulatorHost, topicId, workload.events(), rate);
    DrainClock.await(
        "reconciler warming up (log " + reconciler.logFile() + ")",
        base + count,
        () -> ReconcilerDrain.handled(reconciler.metrics()),
        reconciler::isAlive,
        -1,
        Bench.STALL);
  }

  /**
   * Runs one phase on a reconciler that is already running.
   *
   * @param share e.g. 0.5
   * @param sustainable events/s the rate is a share of
   * @param entities how many entity keys the phase's events are spread over
   * @param notifications the reconciler publishes the reconciled stream: the row's id and name say
   *     so, its lag is the visible lag (publish time to the notification confirmed); the events are
   *     the same as without
   */
  static ScenarioResult phase(
      ReconcilerRun reconciler,
      String topicId,
      String emulatorHost,
      double share,
      double sustainable,
      Duration duration,
      int entities,
      long seed,
      boolean notifications) {
    String id = "steady" + Math.round(share * 100);
    double rate = share * sustainable;
    int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    BenchWorkload workload = BenchWorkload.uniform(id, count, Math.min(entities, count), 0, seed);
    long base = ReconcilerDrain.handled(reconciler.metrics());
    LagSnapshot before = LagSnapshot.parse(reconciler.metrics(), notifications);
    ProcStats cpuBefore = ProcStats.read(reconciler.pid());
    double published = Publishing.paced(emulatorHost, topicId, workload.events(), rate);
    DrainClock.await(
        "reconciler in " + id + " (log " + reconciler.logFile() + ")",
        base + count,
        () -> ReconcilerDrain.handled(reconciler.metrics()),
        reconciler::isAlive,
        -1,
        Bench.STALL);
    LagSnapshot lag = LagSnapshot.parse(reconciler.metrics(), notifications).minus(before);
    ProcStats cpuAfter = ProcStats.read(reconciler.pid());
    return new ScenarioResult(
        notifications ? id + NOTIFY_SUFFIX : id,
        String.format(
            Locale.ROOT,
            "steady state at %d%% of drain rate%s",
            Math.round(share * 100),
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
