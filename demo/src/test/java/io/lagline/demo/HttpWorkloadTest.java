package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.contract.Contracts;
import io.lagline.demo.HttpWorkload.Breakage;
import io.lagline.demo.ingest.IngestRequest;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.ingest.Ingest;
import io.lagline.producer.ingest.Reply;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishReceipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The requests of {@code --ingest http}, checked by the service's own {@link Ingest}, offline. */
class HttpWorkloadTest {
  private final List<Event> published = new ArrayList<>();
  private final Ingest ingest =
      new Ingest(new RecordingPublisher(), Optional.of(Contracts.bundled()), 500);

  @Test
  void every_valid_request_is_published_and_every_bad_one_refused_with_400() throws Exception {
    FitnessWorkload workload = FitnessWorkload.generate(1500, 150, 7);
    HttpWorkload http = HttpWorkload.of(workload, 7);

    List<Integer> statuses = new ArrayList<>();
    for (IngestRequest request : http.requests()) {
      Reply reply = ingest.one(request.body().getBytes(StandardCharsets.UTF_8)).get();
      assertThat(reply.status()).as(request.body()).isEqualTo(request.expectedStatus());
      statuses.add(reply.status());
    }

    assertThat(http.bad()).hasSize(15).noneMatch(IngestRequest::valid);
    assertThat(http.valid()).isEqualTo(1500);
    assertThat(statuses).filteredOn(s -> s == 400).hasSize(15);
    assertThat(published).containsExactlyElementsOf(workload.publishOrder());
    assertThat(http.requests().subList(0, 1500))
        .as("the bad requests are spread over the run, not all at its end")
        .anyMatch(r -> !r.valid());
  }

  @Test
  void each_breakage_is_used_and_a_refused_400_names_a_violation() throws Exception {
    HttpWorkload http = HttpWorkload.of(FitnessWorkload.generate(100, 10, 1), 1);

    assertThat(http.bad()).hasSize(Breakage.values().length);
    for (IngestRequest request : http.bad()) {
      JsonNode body = ingest.one(request.body().getBytes(StandardCharsets.UTF_8)).get().body();
      assertThat(body.get("violations")).as(request.body()).isNotEmpty();
    }
    assertThat(published).isEmpty();
  }

  @Test
  void sends_a_duplicate_under_a_new_idempotency_key_so_that_it_is_published_again() {
    FitnessWorkload workload = FitnessWorkload.generate(500, 50, 3);
    HttpWorkload http = HttpWorkload.of(workload, 3);

    assertThat(http.requests().stream().map(IngestRequest::idempotencyKey).distinct())
        .hasSize(http.requests().size());
    assertThat(
            http.requests().stream()
                .filter(IngestRequest::valid)
                .map(r -> EventCodec.fromCommand(parse(r.body())).eventId())
                .distinct())
        .hasSize(workload.distinct().size());
  }

  @Test
  void bad_share_is_one_percent_with_one_of_each_breakage_at_least() {
    assertThat(HttpWorkload.badCount(20_000)).isEqualTo(200);
    assertThat(HttpWorkload.badCount(10)).isEqualTo(Breakage.values().length);
  }

  private static JsonNode parse(String body) {
    try {
      return EventCodec.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private final class RecordingPublisher implements EventPublisher {
    @Override
    public synchronized CompletableFuture<PublishReceipt> publish(Event event) {
      published.add(event);
      return CompletableFuture.completedFuture(
          new PublishReceipt(event.eventId(), "m-" + published.size()));
    }

    @Override
    public CompletableFuture<PublishReceipt> publish(JsonNode command) {
      return publish(EventCodec.fromCommand(command));
    }

    @Override
    public void close() {}
  }
}
