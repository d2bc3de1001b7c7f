package io.lagline.bench;

import io.lagline.bench.profile.Profiler;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bench run: every scenario one after another on one Cassandra node, each with a fresh
 * emulator. A scenario that breaks is recorded as a failure and the run goes on to the next. With a
 * selection ({@code --only}), only the selected steps run, and Cassandra starts only when one of
 * them needs it.
 */
final class BenchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);

  private final BenchSizes sizes;
  private final Path dir;
  private final long seed;
  private final Set<String> only;
  private final Consumer<String> progress;
  private final BenchResults results = new BenchResults();
  private final DrainSteps drains;
  private final Profiler profiler;

  /**
   * @param only the ids of the steps to run (see {@link #STEPS}); empty for all
   */
  BenchRun(BenchSizes sizes, Path dir, long seed, Set<String> only, Consumer<String> progress) {
    this(sizes, dir, seed, only, progress, Profiler.off());
  }

  /**
   * @param only the ids of the steps to run (see {@link #STEPS}); empty for all
   * @param profiler profiles every reconciler process (or none)
   */
  BenchRun(
      BenchSizes sizes,
      Path dir,
      long seed,
      Set<String> only,
      Consumer<String> progress,
      Profiler profiler) {
    this.profiler = profiler;
    this.sizes = sizes;
    this.dir = dir;
    this.seed = seed;
    this.only = Set.copyOf(only);
    this.progress = progress;
    this.drains = new DrainSteps(sizes, seed, results);
  }

  /** Every step's id, in run order; all but {@code paxos} and {@code ingest} need the stack. */
  static final List<String> STEPS =
      List.of(
          "warm-up",
          "lwt_ceiling",
          "drain",
          "drain_notify",
          "naive",
          "hotkeys",
          "redelivery",
          "cluster_latency",
          "crosscloud",
          "crosscloud100",
          "steady",
          "steady_notify",
          "xmx128",
          "ingest",
          "paxos");

  private boolean selected(String id) {
    return only.isEmpty() || only.contains(id);
  }

  BenchResults run() {
    BenchWorkload drain =
        BenchWorkload.uniform("d", sizes.drainEvents(), sizes.drainEntities(), 0, seed);
    if (STEPS.stream()
        .filter(id -> !id.equals("paxos") && !id.equals("ingest"))
        .noneMatch(this::selected)) {
      step("ingest", () -> IngestStep.run(null, dir, sizes.ingest(), results, progress));
      paxos(drain);
      return results;
    }
    progress.accept("starting a Cassandra node");
    try (BenchStack stack =
        BenchStack.start(dir.resolve("stack"), CassandraNodeOptions.defaults(), profiler)) {
      step("warm-up", () -> LwtCeiling.warmUp(stack, sizes.drainEvents(), seed));
      step("lwt_ceiling", () -> results.add(LwtCeiling.ofBacklog(stack, drain)));
      step("drain", () -> drains.drain(stack, drain));
      step("drain_notify", () -> drains.drainNotifying(stack, drain));
      step(
          "naive",
          () ->
              drains.naive(
                  stack,
                  "naive",
                  "naive baseline (blocking LWT per message)",
                  sizes.naiveEvents(),
                  stack.cassandraHostPort(),
                  ""));
      step("hotkeys", () -> drains.hotKeys(stack));
      BenchWorkload first = drain.first(sizes.latencyEvents());
      step("redelivery", () -> drains.redelivery(stack, first));
      step("cluster_latency", () -> drains.clusterLatency(stack, first));
      step(
          "crosscloud",
          () ->
              drains.crossCloud(
                  stack,
                  first,
                  "crosscloud",
                  "reconciler across clouds",
                  Bench.CROSS_CLOUD_LATENCY));
      step(
          "crosscloud100",
          () ->
              drains.crossCloud(
                  stack,
                  first,
                  "crosscloud100",
                  "reconciler across continents",
                  Bench.INTERCONTINENTAL_LATENCY));
      step("steady", () -> steady(stack, false));
      step("steady_notify", () -> steady(stack, true));
      step("xmx128", () -> drains.memory(stack));
      step("ingest", () -> IngestStep.run(stack, dir, sizes.ingest(), results, progress));
    }
    paxos(drain);
    return results;
  }

  private void paxos(BenchWorkload drain) {
    if (sizes.paxos()) {
      step(
          "paxos",
          () ->
              PaxosComparison.run(
                  dir.resolve("paxos"), drain, drains.hotWorkload(), results, progress));
    }
  }

  private void step(String id, Runnable scenario) {
    if (!selected(id)) {
      return;
    }
    progress.accept("scenario " + id + "...");
    long start = System.nanoTime();
    try {
      scenario.run();
      progress.accept(
          String.format(
              Locale.ROOT, "scenario %s done in %.1f s", id, (System.nanoTime() - start) / 1e9));
    } catch (RuntimeException e) {
      LOG.error("scenario {} broke", id, e);
      results.fail(id + ": " + e.getMessage());
      progress.accept("scenario " + id + " BROKE: " + e.getMessage());
    }
  }

  /** Steady state; with notifications, at the same rates as without (the loopback drain's). */
  private void steady(BenchStack stack, boolean notifications) {
    double sustainable = results.eps("drain");
    if (Double.isNaN(sustainable)) {
      throw new BenchException("needs the loopback drain rate, which was not measured");
    }
    SteadyScenario.run(
            stack, sustainable, sizes.steady(), sizes.drainEntities(), seed, notifications)
        .forEach(results::add);
  }
}
