package io.lagline.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.demo.ingest.IngestRequest;
import io.lagline.demo.ingest.IngestStats;
import io.lagline.demo.ingest.LocalIngestService;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.TopicPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ingest service ({@code producer serve}) in {@link MonitoredStack}, on a free loopback port,
 * serving its own {@code /metrics} for Prometheus' {@code lagline-producer-serve} job.
 */
final class MonitoredIngest implements AutoCloseable {
  private final LocalIngestService service;

  private MonitoredIngest(LocalIngestService service) {
    this.service = service;
  }

  static MonitoredIngest start(String emulatorHost, String topic) {
    return new MonitoredIngest(
        LocalIngestService.start(emulatorHost, TopicPath.parse(topic), "ops-it-ingest"));
  }

  /** {@code host:port} of its {@code /metrics}. */
  String target() {
    return service.uri().getAuthority();
  }

  /**
   * Sends {@code events} to {@code POST /v1/events}, each to be accepted with 202, and {@code
   * invalid} events that break their schema, each to be refused with 400; any other answer fails.
   */
  IngestStats send(List<Event> events, int invalid) throws InterruptedException {
    List<IngestRequest> requests = new ArrayList<>();
    events.forEach(e -> requests.add(request(EventCodec.toCommand(e), true)));
    for (int i = 0; i < invalid; i++) {
      ObjectNode command = EventCodec.toCommand(MonitoredStack.poison(1).get(0));
      ((ObjectNode) command.get("payload")).put("steps", "not a number");
      requests.add(request(command, false));
    }
    return service.client(4).send(requests);
  }

  private static IngestRequest request(ObjectNode command, boolean valid) {
    return new IngestRequest(UUID.randomUUID().toString(), command.toString(), valid);
  }

  @Override
  public void close() {
    service.close();
  }
}
