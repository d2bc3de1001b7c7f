package io.lagline.demo;

import java.time.Duration;

/**
 * The demo's knobs.
 *
 * @param events messages to publish, duplicates included
 * @param devices distinct devices (entities)
 * @param seed makes the workload repeatable
 * @param topic topic id; the subscription is {@code <topic>-reconciler}
 * @param adminPort the reconciler's admin port (0 picks a free one)
 * @param timeout how long to wait for convergence
 * @param chart where to write the chart of lag and throughput (.png or .svg); null for none
 * @param keepRunning whether to keep everything up after converging, with a Prometheus where one is
 *     installed, until stopped
 * @param trickleRate events per second published while kept running (0: heartbeats only)
 * @param ingest how the workload is sent: with the producer library or through the ingest service
 */
record DemoOptions(
    int events,
    int devices,
    long seed,
    String topic,
    int adminPort,
    Duration timeout,
    java.nio.file.Path chart,
    boolean keepRunning,
    int trickleRate,
    IngestMode ingest) {}
