package io.lagline.bench;

import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.proxy.TcpFaultProxy;
import io.lagline.testkit.pubsub.PubSubTestResources;
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

  /**
   * @param only the ids of the steps to run (see {@link #STEPS}); empty for all
   */
  BenchRun(BenchSizes sizes, Path dir, long seed, Set<String> only, Consumer<String> progress) {
    this.sizes = sizes;
    this.dir = dir;
    this.seed = seed;
    this.only = Set.copyOf(only);
    this.progress = progress;
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
          "cluster_latency",
          "crosscloud",
          "steady",
          "steady_notify",
          "xmx256",
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
        BenchStack.start(dir.resolve("stack"), CassandraNodeOptions.defaults())) {
      step("warm-up", () -> LwtCeiling.warmUp(stack, sizes.drainEvents(), seed));
      step("lwt_ceiling", () -> results.add(LwtCeiling.ofBacklog(stack, drain)));
      step("drain", () -> drain(stack, drain));
      step("drain_notify", () -> drainNotifying(stack, drain));
      step(
          "naive",
          () ->
              naive(
                  stack,
                  "naive",
                  "naive baseline (blocking LWT per message)",
                  sizes.naiveEvents(),
                  hostPort(stack),
                  ""));
      step("hotkeys", () -> hotKeys(stack));
      step("cluster_latency", () -> clusterLatency(stack, drain.first(sizes.latencyEvents())));
      step("crosscloud", () -> crossCloud(stack, drain.first(sizes.latencyEvents())));
      step("steady", () -> steady(stack, false));
      step("steady_notify", () -> steady(stack, true));
      step("xmx256", () -> memory(stack));
      step("ingest", () -> IngestStep.run(stack, dir, sizes.ingest(), results, progress));
    }
    paxos(drain);
    return results;
  }

  private void paxos(BenchWorkload drain) {
    if (sizes.paxos()) {
      step(
          "paxos",
          () -> PaxosComparison.run(dir.resolve("paxos"), drain, hotWorkload(), results, progress));
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

  private void drain(BenchStack stack, BenchWorkload drain) {
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "drain", List.of("drain-noop", "drain-rec"), drain.events());
      results.add(EmulatorCeiling.run(stack.emulatorHost(), "drain-noop", drain.events().size()));
      pubsub.deleteSubscription("drain-noop");
      reconcilerDrain(
          stack,
          "drain",
          "reconciler drain (loopback)",
          "drain",
          drain,
          stack.emulatorHost(),
          hostPort(stack),
          ReconcilerRun.DEFAULT_HEAP,
          false,
          "");
    }
  }

  /** The loopback drain again, the reconciler publishing the reconciled stream. */
  private void drainNotifying(BenchStack stack, BenchWorkload drain) {
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "drain", List.of("drain-rec"), drain.events());
      reconcilerDrain(
          stack,
          "drain" + SteadyScenario.NOTIFY_SUFFIX,
          "reconciler drain (loopback), notifications on",
          "drain",
          drain,
          stack.emulatorHost(),
          hostPort(stack),
          ReconcilerRun.DEFAULT_HEAP,
          true,
          "lag = visible lag (publish → notification confirmed)");
    }
  }

  private void naive(
      BenchStack stack, String id, String name, int events, String cassandra, String notes) {
    BenchWorkload workload =
        BenchWorkload.uniform(id, events, Math.max(1, events / 2), 0, seed + 1);
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, id, List.of(id + "-sub"), workload.events());
      String keyspace = "bench_" + id;
      stack.createSchema(keyspace);
      ScenarioResult row =
          NaiveRun.run(
              id,
              name,
              stack,
              id + "-sub",
              events,
              keyspace,
              cassandra,
              join("1 stream, default executor and flow control", notes));
      BenchReadBack readBack = BenchReadBack.check(stack.session(), keyspace, workload.newest());
      results.add(
          row.withNotes(
              "read-back " + (readBack.exact() ? "exact" : readBack.mismatches() + " mismatches")));
      if (!readBack.exact()) {
        results.fail(
            id
                + ": read-back found "
                + readBack.mismatches()
                + " mismatches, e.g. "
                + readBack.examples());
      }
    }
  }

  private BenchWorkload hotWorkload() {
    return BenchWorkload.zipf("h", sizes.hotEvents(), sizes.hotEntities(), Bench.ZIPF_S, seed + 2);
  }

  private void hotKeys(BenchStack stack) {
    BenchWorkload hot = hotWorkload();
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "hotkeys", List.of("hotkeys-rec"), hot.events());
      ReconcilerDrain.Outcome outcome =
          reconcilerDrain(
              stack,
              "hotkeys",
              "hot keys (Zipf s=" + Bench.ZIPF_S + ")",
              "hotkeys",
              hot,
              stack.emulatorHost(),
              hostPort(stack),
              ReconcilerRun.DEFAULT_HEAP,
              false,
              "");
      results.hotkeysReadbackExact(outcome.readBack().exact());
    }
  }

  private void clusterLatency(BenchStack stack, BenchWorkload drain) {
    try (TcpFaultProxy proxy = TcpFaultProxy.start("cassandra-cluster", stack.cassandra())) {
      proxy.setLatency(Bench.CLUSTER_LATENCY);
      String note =
          "Cassandra through a proxy, +" + Bench.CLUSTER_LATENCY.toMillis() + " ms each way";
      try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
        Backlog.publish(pubsub, "cluster", List.of("cluster-rec"), drain.events());
        reconcilerDrain(
            stack,
            "cluster_latency",
            "reconciler at cluster latency",
            "cluster",
            drain,
            stack.emulatorHost(),
            proxy.hostPort(),
            ReconcilerRun.DEFAULT_HEAP,
            false,
            note);
      }
      naive(
          stack,
          "cluster_latency_naive",
          "naive baseline at cluster latency",
          sizes.naiveClusterEvents(),
          proxy.hostPort(),
          note);
    }
  }

  private void crossCloud(BenchStack stack, BenchWorkload drain) {
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP);
        TcpFaultProxy proxy = TcpFaultProxy.start("pubsub-crosscloud", stack.emulatorAddress())) {
      proxy.setLatency(Bench.CROSS_CLOUD_LATENCY);
      Backlog.publish(pubsub, "cross", List.of("cross-rec"), drain.events());
      reconcilerDrain(
          stack,
          "crosscloud",
          "reconciler across clouds",
          "cross",
          drain,
          proxy.hostPort(),
          hostPort(stack),
          ReconcilerRun.DEFAULT_HEAP,
          false,
          "Pub/Sub through a proxy, +" + Bench.CROSS_CLOUD_LATENCY.toMillis() + " ms each way");
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

  private void memory(BenchStack stack) {
    BenchWorkload big =
        BenchWorkload.uniform(
            "m",
            sizes.memoryEvents(),
            sizes.memoryEvents() / 2,
            sizes.memoryPayloadBytes(),
            seed + 3);
    results.xmx256Completed(false);
    try (PubSubTestResources pubsub = stack.freshEmulator("2g")) {
      Backlog.publish(pubsub, "memory", List.of("memory-rec"), big.events());
      ReconcilerDrain.Outcome outcome =
          reconcilerDrain(
              stack,
              "xmx256",
              "memory: -Xmx256m, 1 KB payloads",
              "memory",
              big,
              stack.emulatorHost(),
              hostPort(stack),
              "-Xmx256m",
              false,
              "");
      results.xmx256Completed(outcome.readBack().exact());
      results.extra("xmx256_gc_seconds", outcome.gcSeconds());
    }
  }

  private ReconcilerDrain.Outcome reconcilerDrain(
      BenchStack stack,
      String id,
      String name,
      String topic,
      BenchWorkload workload,
      String emulatorHost,
      String cassandra,
      String heap,
      boolean notifications,
      String notes) {
    String keyspace = "bench_" + id;
    stack.createSchema(keyspace);
    ReconcilerDrain.Outcome outcome =
        ReconcilerDrain.run(
            id,
            name,
            stack,
            topic,
            topic + "-rec",
            workload,
            keyspace,
            emulatorHost,
            cassandra,
            heap,
            notifications,
            notes);
    results.add(outcome.row());
    if (!outcome.readBack().exact()) {
      results.fail(
          id
              + ": read-back found "
              + outcome.readBack().mismatches()
              + " mismatches, e.g. "
              + outcome.readBack().examples());
    }
    return outcome;
  }

  private static String hostPort(BenchStack stack) {
    return stack.cassandra().getHostString() + ":" + stack.cassandra().getPort();
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a + "; " + b;
  }
}
