package io.lagline.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void a_heartbeat_is_a_valid_event_keyed_by_producer_and_versioned_by_emission_time() {
    Event heartbeat = Heartbeat.of("web-1-a3f2c1", NOW.toEpochMilli(), NOW, Duration.ofSeconds(10));

    Event decoded = EventCodec.decode(heartbeat.attributes(), heartbeat.data());
    assertThat(decoded.eventType()).isEqualTo("lagline.heartbeat");
    assertThat(decoded.entityKey()).isEqualTo("web-1-a3f2c1");
    assertThat(decoded.entityVersion()).isEqualTo(NOW.toEpochMilli());
    assertThat(decoded.occurredAt()).isEqualTo(NOW);
    assertThat(decoded.payload().get("interval_ms").asLong()).isEqualTo(10_000);
    assertThat(Heartbeat.is(decoded.eventType())).isTrue();
  }

  @Test
  void a_blank_producer_id_or_non_positive_version_is_refused_naming_each_field() {
    assertThatThrownBy(() -> Heartbeat.of(" ", 0, NOW, Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("entity_key", "entity_version"));
  }
}
