package io.lagline.bench.ingest;

/**
 * The ingest row's figures: the library and HTTP at the same rate, one after the other in one run,
 * and the peak search over HTTP.
 *
 * @param plan what ran
 * @param library publishes through the library, latency from due to Pub/Sub's confirmation
 * @param http {@code POST /v1/events}, latency from due to the {@code 202}
 * @param peak the peak search over HTTP
 */
public record IngestOutcome(
    IngestPlan plan, PhaseResult library, PhaseResult http, PeakResult peak) {
  /** The target's ratio: HTTP p99 over library p99; NaN when either is missing. */
  public double p99Ratio() {
    return http.latency().p99Ms() / library.latency().p99Ms();
  }
}
