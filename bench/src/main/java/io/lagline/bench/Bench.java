package io.lagline.bench;

import java.time.Duration;

/** The bench's fixed settings, shared by every scenario. */
final class Bench {
  /**
   * Streaming-pull streams of the reconciler and of the emulator-ceiling subscriber: the emulator
   * paces each stream (at most 100 messages per pull, then 50 ms), so throughput scales with it.
   */
  static final int STREAMS = 4;

  /**
   * Writes in flight of the LWT ceiling client: enough to saturate one node (its LWT rate is flat
   * from about 32 to 512 in flight), without the queueing delay of the reconciler's ceiling of
   * 1024.
   */
  static final int LWT_CONCURRENCY = 256;

  /** One-way delay standing in for a real cluster's round trips. */
  static final Duration CLUSTER_LATENCY = Duration.ofMillis(5);

  /** One-way delay between the reconciler and Pub/Sub, standing in for a cross-cloud link. */
  static final Duration CROSS_CLOUD_LATENCY = Duration.ofMillis(40);

  /**
   * One-way delay between the reconciler and Pub/Sub across an intercontinental link (a reconciler
   * in Europe reading a topic in the US, say): the pull round trip grows to 200 ms, so each stream
   * waits longer per batch and the flow-control window must cover more messages in flight.
   */
  static final Duration INTERCONTINENTAL_LATENCY = Duration.ofMillis(100);

  /** Zipf exponent of the hot-keys workload. */
  static final double ZIPF_S = 1.1;

  /** A drain fails when it makes no progress this long. */
  static final Duration STALL = Duration.ofSeconds(90);

  private Bench() {}
}
