package io.lagline.reconciler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.TestMappings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventAuditorTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AuditMetrics metrics = new AuditMetrics(registry);
  private final Map<String, StoredRow> stored = new HashMap<>();
  private final EventAuditor auditor =
      new EventAuditor(
          TestMappings.DEVICES.withHeartbeat(),
          row ->
              CompletableFuture.completedFuture(stored.getOrDefault(row.table(), StoredRow.ABSENT)),
          metrics);

  private static Event synced(long version) {
    ObjectNode payload = EventCodec.json().createObjectNode().put("steps", 5);
    return new Event(
        "e-" + version,
        "DeviceSynced",
        1,
        "watch-9",
        version,
        Instant.parse("2026-11-23T06:00:00Z"),
        payload);
  }

  @Test
  void an_event_reflected_in_every_table_is_counted_as_checked_only() {
    stored.put("device_state", StoredRow.versioned(4));
    stored.put("sync_history", StoredRow.unversioned());

    Optional<AuditResult> result = check(synced(3));

    assertThat(result).hasValueSatisfying(r -> assertThat(r.divergent()).isFalse());
    assertThat(counter("checked")).isEqualTo(1);
    assertThat(counter("divergent")).isZero();
  }

  @Test
  void a_missing_history_row_is_divergent_and_described_with_key_table_and_finding() {
    stored.put("device_state", StoredRow.versioned(3));

    AuditResult result = check(synced(3)).orElseThrow();

    assertThat(result.divergent()).isTrue();
    assertThat(result.describe())
        .isEqualTo(
            "event_id=e-3 type=DeviceSynced entity_key=watch-9 version=3:"
                + " sync_history[device_id=watch-9,event_id=e-3] found absent");
    assertThat(counter("divergent")).isEqualTo(1);
  }

  @Test
  void an_event_that_does_not_fit_the_mapping_is_not_audited() {
    Event unmapped =
        new Event(
            "e-x",
            "Unmapped",
            1,
            "k",
            1,
            Instant.parse("2026-11-23T06:00:00Z"),
            EventCodec.json().createObjectNode());

    assertThat(check(unmapped)).isEmpty();
    assertThat(counter("checked")).isZero();
  }

  @Test
  void sampling_depends_on_the_event_id_alone_and_follows_the_rate() {
    long sampled =
        IntStream.range(0, 10_000).filter(i -> EventAuditor.sampled("event-" + i, 0.1)).count();

    assertThat(sampled).isBetween(850L, 1150L);
    assertThat(EventAuditor.sampled("event-1", 0.1))
        .isEqualTo(EventAuditor.sampled("event-1", 0.1));
    assertThat(EventAuditor.sampled("anything", 1.0)).isTrue();
  }

  private Optional<AuditResult> check(Event event) {
    return auditor.check(event, event.attributes()).toCompletableFuture().join();
  }

  private double counter(String name) {
    return registry.get("lagline.reconciler.audit." + name).counter().count();
  }
}
