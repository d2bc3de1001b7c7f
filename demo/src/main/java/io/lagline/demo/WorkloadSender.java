package io.lagline.demo;

import io.lagline.demo.ingest.IngestClient;
import io.lagline.demo.ingest.IngestStats;
import io.lagline.demo.ingest.LocalIngestService;
import io.lagline.event.Event;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PublishReceipt;
import io.lagline.producer.publish.TopicPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the demo's workload as {@link DemoOptions#ingest()} says: published with the producer
 * library, or {@code POST}ed to an ingest service started for it (loopback, free port, bearer
 * token), bad requests included, which the service must refuse with {@code 400}.
 */
final class WorkloadSender {
  private static final Logger LOG = LoggerFactory.getLogger(WorkloadSender.class);

  private WorkloadSender() {}

  /**
   * Sends {@code workload} to {@code topic}, with the library or through {@code service}; returns
   * what the HTTP client measured, or null when published with the library.
   *
   * @throws io.lagline.demo.ingest.IngestStatusException when the service answered a request with
   *     another status than expected
   */
  static IngestStats send(
      DemoOptions options,
      EventPublisher publisher,
      LocalIngestService service,
      String topic,
      FitnessWorkload workload)
      throws Exception {
    if (options.ingest() == IngestMode.LIBRARY) {
      publish(publisher, topic, workload.publishOrder());
      return null;
    }
    HttpWorkload requests = HttpWorkload.of(workload, options.seed());
    IngestStats stats = service.client(IngestClient.DEFAULT_CONCURRENCY).send(requests.requests());
    LOG.info(
        "sent {} requests to the ingest service at {}: {} accepted, {} rejected",
        stats.requests(),
        service.uri(),
        stats.accepted(),
        stats.rejected());
    return stats;
  }

  /**
   * The ingest service of this run, on a free loopback port: with {@code --ingest http} the
   * workload goes through it, and with {@code --keep-running} it stays up for Prometheus and for
   * trying it; null when neither is asked.
   */
  static LocalIngestService startService(DemoOptions options, String emulatorHost, String topic) {
    if (options.ingest() == IngestMode.LIBRARY && !options.keepRunning()) {
      return null;
    }
    return LocalIngestService.start(
        emulatorHost, TopicPath.parse(topic), Heartbeats.defaultProducerId());
  }

  private static void publish(EventPublisher publisher, String topic, List<Event> events)
      throws Exception {
    List<CompletableFuture<PublishReceipt>> receipts = new ArrayList<>(events.size());
    for (Event event : events) {
      receipts.add(publisher.publish(event));
    }
    CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    LOG.info("published {} messages to {}", events.size(), topic);
  }
}
