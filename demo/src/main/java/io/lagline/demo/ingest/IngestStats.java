package io.lagline.demo.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.EventCodec;
import io.lagline.metrics.NearestRank;
import java.util.Arrays;

/**
 * What sending a workload through the ingest service measured, client-side.
 *
 * @param requests requests answered (each counted once, however often it was retried)
 * @param accepted answered {@code 202}: published and confirmed
 * @param rejected answered {@code 400}: refused as breaking the contract, never published
 * @param p50Ms median latency, from the first send of a request to its final answer
 * @param p99Ms 99th percentile of the same
 */
public record IngestStats(long requests, long accepted, long rejected, double p50Ms, double p99Ms) {

  /**
   * The stats of answered requests.
   *
   * @param latencyNanos each request's latency, first send to final answer, in any order
   */
  public static IngestStats of(long accepted, long rejected, long[] latencyNanos) {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    return new IngestStats(
        sorted.length, accepted, rejected, percentileMs(sorted, 0.50), percentileMs(sorted, 0.99));
  }

  /**
   * The {@code quantile} of {@code sortedNanos} by nearest rank, in milliseconds; 0 when empty.
   *
   * @param quantile from 0 (excluded) to 1
   */
  static double percentileMs(long[] sortedNanos, double quantile) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    return NearestRank.of(sortedNanos, quantile) / 1e6;
  }

  /** The stats as the {@code ingest} object of the demo's JSON. */
  public ObjectNode toJson() {
    ObjectNode json = EventCodec.json().createObjectNode();
    json.put("requests", requests);
    json.put("accepted", accepted);
    json.put("rejected", rejected);
    json.put("p50_ms", round(p50Ms));
    json.put("p99_ms", round(p99Ms));
    return json;
  }

  /** The stats as one line of the demo's summary. */
  public String toText() {
    return String.format(
        "ingest:     %d HTTP requests: %d accepted (202), %d rejected (400); p50 %.1f ms, p99 %.1f"
            + " ms%n",
        requests, accepted, rejected, p50Ms, p99Ms);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
