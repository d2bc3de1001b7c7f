package io.lagline.bench;

import io.lagline.bench.ingest.IngestPlan;
import java.time.Duration;

/**
 * How big each scenario is.
 *
 * @param drainEvents backlog of the drain, cluster-latency and cross-cloud scenarios and the
 *     ceilings
 * @param drainEntities entities the drain backlog's keys are drawn from, uniformly
 * @param latencyEvents backlog of the cluster-latency, cross-cloud and redelivery drains (the drain
 *     backlog's first events)
 * @param warmEvents warm-up backlog each measured reconciler drain handles before its measured
 *     events (see {@link DrainBacklog}): enough for the JIT to have compiled the hot paths, so the
 *     reconciler is compared warm with the ceilings, which run in the bench's warm JVM
 * @param naiveEvents backlog of the naive baseline on loopback
 * @param naiveClusterEvents backlog of the naive baseline at cluster latency
 * @param hotEvents backlog of the hot-keys scenario
 * @param hotEntities entities its Zipf keys are drawn from
 * @param steady how long each steady-state phase publishes
 * @param memoryEvents backlog of the -Xmx128m scenario
 * @param memoryPayloadBytes padding of its payloads
 * @param paxos whether to compare paxos v1 with v2 on fresh nodes at the end
 * @param ingest the ingest row's rate, phases and peak-search steps
 */
record BenchSizes(
    int drainEvents,
    int drainEntities,
    int latencyEvents,
    int warmEvents,
    int naiveEvents,
    int naiveClusterEvents,
    int hotEvents,
    int hotEntities,
    Duration steady,
    int memoryEvents,
    int memoryPayloadBytes,
    boolean paxos,
    IngestPlan ingest) {

  /**
   * The full run: about 30 minutes on two cores (estimated, not yet timed whole). It took 15.7
   * minutes before the notifications-on and ingest rows, an estimated 20 with them. Scaled from a
   * {@code --quick} run of the new steps, the warm-ups of seven drains add about 3 minutes (20 to
   * 35 s each), the redelivery row (100k events) about 1.5, the intercontinental row about 1.2 and
   * two more steady phases of 60 s about 2: about 8 minutes more.
   */
  static BenchSizes full() {
    return new BenchSizes(
        100_000,
        50_000,
        50_000,
        20_000,
        15_000,
        5_000,
        100_000,
        10_000,
        Duration.ofSeconds(60),
        200_000,
        1000,
        true,
        IngestPlan.full());
  }

  /** {@code --quick}: about 12 minutes (8 before the warm-ups and the rows added with them). */
  static BenchSizes quick() {
    return new BenchSizes(
        20_000,
        10_000,
        20_000,
        10_000,
        5_000,
        2_000,
        20_000,
        10_000,
        Duration.ofSeconds(20),
        50_000,
        1000,
        false,
        IngestPlan.quick());
  }

  /** {@code --smoke}: the pipeline end to end with tiny sizes, for CI. */
  static BenchSizes smoke() {
    return new BenchSizes(
        1_500,
        750,
        1_500,
        300,
        600,
        300,
        1_500,
        500,
        Duration.ofSeconds(8),
        2_000,
        1000,
        false,
        IngestPlan.smoke());
  }

  BenchSizes withPaxos(boolean value) {
    return new BenchSizes(
        drainEvents,
        drainEntities,
        latencyEvents,
        warmEvents,
        naiveEvents,
        naiveClusterEvents,
        hotEvents,
        hotEntities,
        steady,
        memoryEvents,
        memoryPayloadBytes,
        value,
        ingest);
  }
}
