package io.lagline.bench;

import io.lagline.testkit.proxy.TcpFaultProxy;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.util.List;

/**
 * The steps of a {@link BenchRun} that drain a published backlog into Cassandra (the reconciler's
 * and the naive baseline's), each recording its row, and a failure when its read-back is not exact.
 */
final class DrainSteps {
  private final BenchSizes sizes;
  private final long seed;
  private final BenchResults results;

  DrainSteps(BenchSizes sizes, long seed, BenchResults results) {
    this.sizes = sizes;
    this.seed = seed;
    this.results = results;
  }

  BenchWorkload hotWorkload() {
    return BenchWorkload.zipf("h", sizes.hotEvents(), sizes.hotEntities(), Bench.ZIPF_S, seed + 2);
  }

  void drain(BenchStack stack, BenchWorkload drain) {
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
  void drainNotifying(BenchStack stack, BenchWorkload drain) {
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

  void naive(BenchStack stack, String id, String name, int events, String cassandra, String notes) {
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

  void hotKeys(BenchStack stack) {
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

  void clusterLatency(BenchStack stack, BenchWorkload drain) {
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

  void crossCloud(BenchStack stack, BenchWorkload drain) {
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

  void memory(BenchStack stack) {
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

  ReconcilerDrain.Outcome reconcilerDrain(
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

  static String hostPort(BenchStack stack) {
    return stack.cassandra().getHostString() + ":" + stack.cassandra().getPort();
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a + "; " + b;
  }
}
