package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultWorkloadTest {
  private final FaultWorkload workload = FaultWorkload.standard(42);

  @Test
  void has_the_specified_size_and_shape() {
    assertThat(workload.distinct()).hasSize(FaultWorkload.EVENTS);
    assertThat(workload.distinct().stream().map(Event::entityKey).distinct())
        .hasSize(FaultWorkload.DEVICES);
    assertThat(workload.distinct().stream().filter(e -> e.eventType().equals("DeviceRetired")))
        .hasSize(15);
    assertThat(workload.poison()).hasSize(50);
    assertThat(workload.events()).isEqualTo(5_050);
    assertThat(workload.publishes()).isBetween(5_050, 5_050 + 2 * 5_000);
  }

  @Test
  void publishes_every_event_one_to_three_times_and_every_poison_once() {
    Map<String, Long> copies =
        workload.publishOrder().stream()
            .collect(Collectors.groupingBy(OutboundMessage::eventId, Collectors.counting()));
    workload.distinct().forEach(e -> assertThat(copies.get(e.eventId())).isBetween(1L, 3L));
    workload.poison().forEach(p -> assertThat(copies.get(p.eventId())).isEqualTo(1L));
    assertThat(copies.values()).contains(1L, 2L, 3L);
  }

  @Test
  void retires_a_device_only_at_its_highest_version() {
    Map<String, Long> highest =
        workload.distinct().stream()
            .collect(
                Collectors.toMap(Event::entityKey, Event::entityVersion, (a, b) -> Math.max(a, b)));
    workload.distinct().stream()
        .filter(e -> e.eventType().equals("DeviceRetired"))
        .forEach(e -> assertThat(e.entityVersion()).isEqualTo(highest.get(e.entityKey())));
  }

  @Test
  void poison_covers_every_kind_on_real_devices_and_breaks_the_contract_or_the_mapping() {
    Set<String> devices =
        workload.distinct().stream().map(Event::entityKey).collect(Collectors.toSet());
    assertThat(workload.poison().stream().map(OutboundMessage::expectedReason).distinct())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(PoisonKind.values()).map(PoisonKind::reason).distinct().toList());
    for (OutboundMessage poison : workload.poison()) {
      assertThat(devices).contains(poison.attributes().get(Attributes.ENTITY_KEY));
      assertThat(poison.eventId()).isNotBlank();
      assertThat(workload.goodIds()).doesNotContain(poison.eventId());
    }
  }

  @Test
  void each_kind_is_broken_the_way_its_reason_says() {
    Map<String, OutboundMessage> byId =
        workload.poison().stream()
            .collect(Collectors.toMap(OutboundMessage::eventId, Function.identity()));
    OutboundMessage missing = byId.get("poison-0-missing_attribute");
    assertThat(missing.attributes()).doesNotContainKey(Attributes.ENTITY_VERSION);
    assertThat(byId.get("poison-1-invalid_attribute").attributes())
        .containsEntry(Attributes.ENTITY_VERSION, "abc");
    assertThat(byId.get("poison-2-invalid_payload").data().toStringUtf8()).isEqualTo("{not json");
    assertThat(byId.get("poison-3-unknown_event_type").attributes())
        .containsEntry(Attributes.EVENT_TYPE, "DeviceExploded");
    assertThat(byId.get("poison-4-unsupported_schema_version").attributes())
        .containsEntry(Attributes.SCHEMA_VERSION, "9");
    assertThat(byId.get("poison-5-missing_field").data().toStringUtf8()).doesNotContain("steps");
    assertThat(byId.get("poison-6-invalid_value").data().toStringUtf8())
        .contains("\"steps\":\"many\"");
    assertThat(byId.get("poison-7-invalid_value").data().toStringUtf8())
        .contains("\"steps\":99999999999");
    // the mapping-level kinds are valid events by the contract: only the mapping refuses them
    for (int i = 3; i < 8; i++) {
      OutboundMessage poison = byId.get("poison-" + i + "-" + PoisonKind.values()[i].reason());
      assertThat(EventCodec.validate(poison.attributes(), poison.data().toByteArray())).isEmpty();
    }
  }

  @Test
  void is_repeatable_from_its_seed() {
    FaultWorkload again = FaultWorkload.standard(42);
    assertThat(again.publishOrder()).isEqualTo(workload.publishOrder());
    assertThat(FaultWorkload.standard(43).publishOrder()).isNotEqualTo(workload.publishOrder());
  }

  @Test
  void mixes_poison_into_the_stream_ahead_of_good_events_of_the_same_key() {
    assertThat(workload.poisonAheadOfGood()).isPositive();
    assertThat(workload.publishOrder().get(workload.publishes() - 1).poison()).isFalse();
  }
}
