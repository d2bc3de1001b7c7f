package io.lagline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.demo.downstream.DownstreamCounts;
import io.lagline.demo.ingest.IngestStats;
import io.lagline.event.EventCodec;
import java.util.List;

/**
 * What the demo prints and writes as JSON.
 *
 * @param published messages published (duplicates included)
 * @param distinctEvents distinct events among them
 * @param applied events whose primary write changed Cassandra
 * @param duplicate events found already applied (redeliveries and republished duplicates)
 * @param stale events older than the stored version (out of order)
 * @param failed deliveries that failed and were redelivered
 * @param deadLettered events dead-lettered as poison: the demo expects none, since every event it
 *     sends keeps the contract ({@code --ingest http} has its bad requests refused before Pub/Sub)
 * @param lagP50Ms median consistency lag, publish → durable in Cassandra
 * @param lagP99Ms 99th percentile of the same
 * @param converged whether the read-back matched the expected state exactly
 * @param mismatches the first differences found, if any
 * @param ingest what the HTTP client measured with {@code --ingest http}; null with the library
 * @param raw what the downstream consumer of the raw topic read: it races the reconciler
 * @param reconciled what the downstream consumer of the reconciled topic read
 * @param reconciledMissing distinct events the reconciled consumer had not heard of when the
 *     summary was taken (0 once the stream delivered them all)
 * @param metricsUrl where the reconciler's Prometheus metrics are served
 * @param producerMetricsUrl where the demo's producer serves its Prometheus metrics
 * @param ingestMetricsUrl where the ingest service serves its Prometheus metrics, while one runs
 *     ({@code --ingest http} or {@code --keep-running}); null otherwise
 * @param prometheusUrl the Prometheus started by {@code --keep-running}; null when none runs
 * @param seconds wall time from the first publish to convergence and every event notified
 */
public record DemoSummary(
    long published,
    long distinctEvents,
    long applied,
    long duplicate,
    long stale,
    long failed,
    long deadLettered,
    double lagP50Ms,
    double lagP99Ms,
    boolean converged,
    List<String> mismatches,
    IngestStats ingest,
    DownstreamCounts raw,
    DownstreamCounts reconciled,
    long reconciledMissing,
    String metricsUrl,
    String producerMetricsUrl,
    String ingestMetricsUrl,
    String prometheusUrl,
    double seconds) {

  /** The summary as the JSON object written by {@code --json}. */
  public ObjectNode toJson() {
    ObjectNode json = EventCodec.json().createObjectNode();
    json.put("published", published);
    json.put("distinct_events", distinctEvents);
    json.put("applied", applied);
    json.put("duplicate", duplicate);
    json.put("stale", stale);
    json.put("failed", failed);
    json.put("dead_lettered", deadLettered);
    json.put("lag_p50_ms", round(lagP50Ms));
    json.put("lag_p99_ms", round(lagP99Ms));
    json.put("converged", converged);
    json.putPOJO("mismatches", mismatches);
    json.set("ingest", ingest == null ? json.nullNode() : ingest.toJson());
    ObjectNode downstream = json.putObject("downstream");
    downstream.putObject("raw").put("reads", raw.reads()).put("behind", raw.behind());
    downstream
        .putObject("reconciled")
        .put("reads", reconciled.reads())
        .put("behind", reconciled.behind());
    json.put("metrics_url", metricsUrl);
    json.put("producer_metrics_url", producerMetricsUrl);
    json.put("ingest_metrics_url", ingestMetricsUrl);
    json.put("prometheus_url", prometheusUrl);
    json.put("seconds", round(seconds));
    return json;
  }

  /** The summary as the lines printed to the console. */
  public String toText() {
    return String.format(
        "%spublished:  %d messages (%d distinct events)%n"
            + "applied:    %d%nduplicate:  %d%nstale:      %d%nfailed:     %d (redelivered)%n"
            + "poison:     %d (dead-lettered)%n"
            + "lag p50:    %.1f ms%nlag p99:    %.1f ms%n"
            + "converged:  %s (read-back of every row against the expected state)%n"
            + "downstream raw:        reads %d, behind %d%n"
            + "downstream reconciled: reads %d, behind %d%s%n"
            + "took:       %.1f s%nmetrics:    %s%nproducer:   %s%n%s%s",
        ingest == null ? "" : ingest.toText(),
        published,
        distinctEvents,
        applied,
        duplicate,
        stale,
        failed,
        deadLettered,
        lagP50Ms,
        lagP99Ms,
        converged ? "yes" : "NO",
        raw.reads(),
        raw.behind(),
        reconciled.reads(),
        reconciled.behind(),
        reconciledMissing == 0
            ? ""
            : String.format(" (%d events never notified within the timeout)", reconciledMissing),
        seconds,
        metricsUrl,
        producerMetricsUrl,
        ingestMetricsUrl == null ? "" : String.format("serve:      %s%n", ingestMetricsUrl),
        prometheusUrl == null ? "" : String.format("prometheus: %s%n", prometheusUrl));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
