package io.lagline.bench.ingest;

/**
 * What one stretch of a fixed-rate phase recorded, send by send: what became of send {@code i}
 * ({@code null}: not answered in time) and its latency in nanoseconds from when it was due.
 *
 * @param seconds from the first send due to the last answer
 * @param cpu CPU seconds used over those seconds
 */
record Slice(Outcome[] outcomes, long[] latencies, double seconds, CpuSample cpu) {}
