package io.lagline.bench;

import io.lagline.testkit.proxy.TcpFaultProxy;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The steps of a {@link BenchRun} that drain a published backlog into Cassandra (the reconciler's
 * and the naive baseline's), each recording its row, and a failure when its read-back is not exact.
 * Every measured reconciler drain but the -Xmx128m one handles {@link BenchSizes#warmEvents()}
 * events of entities of their own first (see {@link DrainBacklog}); the naive baseline has none.
 */
final class DrainSteps {
  /** The prefix of the warm-up's entity keys and event ids, which no measured workload uses. */
  static final String WARM_UP_PREFIX = "warm";

  private final BenchSizes sizes;
  private final long seed;
  private final BenchResults results;
  private final BenchWorkload warmUp;

  DrainSteps(BenchSizes sizes, long seed, BenchResults results) {
    this.sizes = sizes;
    this.seed = seed;
    this.results = results;
    // shaped like the drain backlog (twice as many events as entities), so the reconciler's first
    // touches and its updates of known rows are both compiled before the measured events
    this.warmUp =
        BenchWorkload.uniform(
            WARM_UP_PREFIX, sizes.warmEvents(), Math.max(1, sizes.warmEvents() / 2), 0, seed + 5);
  }

  BenchWorkload hotWorkload() {
    return BenchWorkload.zipf("h", sizes.hotEvents(), sizes.hotEntities(), Bench.ZIPF_S, seed + 2);
  }

  /** {@code measured} after the run's warm-up backlog. */
  DrainBacklog warmed(BenchWorkload measured) {
    return DrainBacklog.warmed(warmUp, measured);
  }

  void drain(BenchStack stack, BenchWorkload drain) {
    loopback(stack, drain, false);
  }

  /** The loopback drain again, the reconciler publishing the reconciled stream. */
  void drainNotifying(BenchStack stack, BenchWorkload drain) {
    loopback(stack, drain, true);
  }

  /**
   * Without notifications, the emulator ceiling first drains a copy of the same backlog, and {@link
   * DrainRebuild} replays it after the drain (its topic keeps its messages).
   */
  private void loopback(BenchStack stack, BenchWorkload drain, boolean notifications) {
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      DrainBacklog backlog = warmed(drain);
      List<String> subscriptions =
          notifications ? List.of("drain-rec") : List.of("drain-noop", "drain-rec");
      Instant since = DrainRebuild.since(Instant.now());
      Duration retention = notifications ? Duration.ZERO : DrainRebuild.RETENTION;
      Backlog.publish(pubsub, "drain", subscriptions, backlog.published(), retention);
      if (!notifications) {
        results.add(
            EmulatorCeiling.run(
                stack.emulatorHost(), "drain-noop", backlog.warmEvents(), drain.events().size()));
        pubsub.deleteSubscription("drain-noop");
      }
      reconcilerDrain(
          stack,
          notifications ? "drain" + SteadyScenario.NOTIFY_SUFFIX : "drain",
          "reconciler drain (loopback)" + (notifications ? ", notifications on" : ""),
          "drain",
          backlog,
          stack.emulatorHost(),
          stack.cassandraHostPort(),
          ReconcilerRun.DEFAULT_HEAP,
          notifications,
          notifications ? "lag = visible lag (publish → notification confirmed)" : "");
      if (!notifications) {
        DrainRebuild.run(stack, "drain", "drain-rec", backlog, since, results);
      }
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
      failUnlessExact(id, readBack);
    }
  }

  void hotKeys(BenchStack stack) {
    DrainBacklog backlog = warmed(hotWorkload());
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "hotkeys", List.of("hotkeys-rec"), backlog.published());
      ReconcilerDrain.Outcome outcome =
          reconcilerDrain(
              stack,
              "hotkeys",
              "hot keys (Zipf s=" + Bench.ZIPF_S + ")",
              "hotkeys",
              backlog,
              stack.emulatorHost(),
              stack.cassandraHostPort(),
              ReconcilerRun.DEFAULT_HEAP,
              false,
              "");
      results.hotkeysReadbackExact(outcome.readBack().exact());
    }
  }

  /**
   * A redelivery storm: {@code drain} published twice on one topic before the reconciler starts, as
   * after a producer retried a whole batch or a replay from a snapshot. The first copy is the
   * warm-up; the row is the rate of draining the second, every event of which is a duplicate of a
   * durable one, and says how many of its writes the version cache answered without a round trip.
   */
  void redelivery(BenchStack stack, BenchWorkload drain) {
    DrainBacklog backlog = DrainBacklog.redelivered(drain);
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
      Backlog.publish(pubsub, "redelivery", List.of("redelivery-rec"), backlog.published());
      ReconcilerDrain.Outcome outcome =
          reconcilerDrain(
              stack,
              "redelivery",
              "redelivery storm (every event twice)",
              "redelivery",
              backlog,
              stack.emulatorHost(),
              stack.cassandraHostPort(),
              ReconcilerRun.DEFAULT_HEAP,
              false,
              "each event published twice, the first copy the warm-up");
      // the row again, in place, with what is only known after the drain
      results.add(
          outcome
              .row()
              .withNotes(
                  "answered from the version cache: "
                      + outcome.versionCacheAnswers()
                      + " of "
                      + drain.events().size()));
      results.extra("redelivery_version_cache_answers", outcome.versionCacheAnswers());
    }
  }

  void clusterLatency(BenchStack stack, BenchWorkload drain) {
    try (TcpFaultProxy proxy = TcpFaultProxy.start("cassandra-cluster", stack.cassandra())) {
      proxy.setLatency(Bench.CLUSTER_LATENCY);
      String note =
          "Cassandra through a proxy, +" + Bench.CLUSTER_LATENCY.toMillis() + " ms each way";
      try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
        DrainBacklog backlog = warmed(drain);
        Backlog.publish(pubsub, "cluster", List.of("cluster-rec"), backlog.published());
        reconcilerDrain(
            stack,
            "cluster_latency",
            "reconciler at cluster latency",
            "cluster",
            backlog,
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

  /**
   * The reconciler reaching Pub/Sub through a proxy adding {@code latency} each way.
   *
   * @param id the row's id, also its topic's
   */
  void crossCloud(BenchStack stack, BenchWorkload drain, String id, String name, Duration latency) {
    try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP);
        TcpFaultProxy proxy = TcpFaultProxy.start("pubsub-" + id, stack.emulatorAddress())) {
      proxy.setLatency(latency);
      DrainBacklog backlog = warmed(drain);
      Backlog.publish(pubsub, id, List.of(id + "-rec"), backlog.published());
      reconcilerDrain(
          stack,
          id,
          name,
          id,
          backlog,
          proxy.hostPort(),
          stack.cassandraHostPort(),
          ReconcilerRun.DEFAULT_HEAP,
          false,
          "Pub/Sub through a proxy, +" + latency.toMillis() + " ms each way");
    }
  }

  /**
   * A small heap on a big backlog of 1 KB payloads, from a cold start: the row asks whether the
   * reconciler's flow control keeps a whole life's memory (start-up included) within -Xmx128m, and
   * its rate is compared with nothing, so it has no warm-up.
   */
  void memory(BenchStack stack) {
    BenchWorkload big =
        BenchWorkload.uniform(
            "m",
            sizes.memoryEvents(),
            sizes.memoryEvents() / 2,
            sizes.memoryPayloadBytes(),
            seed + 3);
    results.xmx128Completed(false);
    try (PubSubTestResources pubsub = stack.freshEmulator("2g")) {
      Backlog.publish(pubsub, "memory", List.of("memory-rec"), big.events());
      ReconcilerDrain.Outcome outcome =
          reconcilerDrain(
              stack,
              "xmx128",
              "memory: -Xmx128m, 1 KB payloads",
              "memory",
              DrainBacklog.cold(big),
              stack.emulatorHost(),
              stack.cassandraHostPort(),
              "-Xmx128m",
              false,
              "");
      results.xmx128Completed(outcome.readBack().exact());
      results.extra("xmx128_gc_seconds", outcome.gcSeconds());
    }
  }

  ReconcilerDrain.Outcome reconcilerDrain(
      BenchStack stack,
      String id,
      String name,
      String topic,
      DrainBacklog backlog,
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
            backlog,
            keyspace,
            emulatorHost,
            cassandra,
            heap,
            notifications,
            notes);
    results.add(outcome.row());
    if (!outcome.cpuByThreads().isEmpty()) {
      results.extra(id + "_cpu_us_per_event_by_threads", outcome.cpuByThreads());
    }
    failUnlessExact(id, outcome.readBack());
    return outcome;
  }

  private void failUnlessExact(String id, BenchReadBack readBack) {
    if (!readBack.exact()) {
      results.fail(
          id
              + ": read-back found "
              + readBack.mismatches()
              + " mismatches, e.g. "
              + readBack.examples());
    }
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a + "; " + b;
  }
}
