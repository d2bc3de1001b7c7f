package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.contract.Contracts;
import io.lagline.event.Event;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitnessWorkloadTest {
  @Test
  void publishes_the_requested_count_with_duplicates_and_out_of_order_versions() {
    FitnessWorkload workload = FitnessWorkload.generate(2000, 200, 1);

    assertThat(workload.publishOrder()).hasSize(2000);
    long duplicates =
        workload.publishOrder().size() - new HashSet<>(workload.publishOrder()).size();
    assertThat(duplicates).isGreaterThanOrEqualTo(200);
    assertThat(outOfOrder(workload.publishOrder())).isPositive();
    assertThat(workload.distinct())
        .extracting(Event::eventType)
        .contains("DeviceSynced", "DeviceRetired");
  }

  @Test
  void every_event_keeps_the_payload_schema_of_its_type_and_version() {
    Contracts contracts = Contracts.bundled();

    assertThat(FitnessWorkload.generate(3000, 100, 7).distinct())
        .allSatisfy(event -> assertThat(contracts.validate(event)).as(event.toString()).isEmpty());
  }

  @Test
  void expected_state_is_each_devices_newest_event() {
    FitnessWorkload workload = FitnessWorkload.generate(500, 20, 3);
    ExpectedState expected = ExpectedState.of(workload.publishOrder());

    assertThat(expected.newest()).hasSize(20);
    expected
        .newest()
        .forEach(
            (key, event) ->
                assertThat(
                        workload.distinct().stream()
                            .filter(e -> e.entityKey().equals(key))
                            .mapToLong(Event::entityVersion)
                            .max())
                    .hasValue(event.entityVersion()));
    assertThat(expected.historyRows())
        .isEqualTo(
            workload.distinct().stream().filter(e -> e.eventType().equals("DeviceSynced")).count());
  }

  @Test
  void the_same_seed_gives_the_same_versions() {
    assertThat(FitnessWorkload.generate(300, 30, 9).distinct())
        .extracting(Event::entityKey, Event::entityVersion)
        .isEqualTo(
            FitnessWorkload.generate(300, 30, 9).distinct().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.entityKey(), e.entityVersion()))
                .toList());
  }

  private static long outOfOrder(List<Event> order) {
    java.util.Map<String, Long> seen = new java.util.HashMap<>();
    long count = 0;
    for (Event event : order) {
      Long previous = seen.put(event.entityKey(), event.entityVersion());
      if (previous != null && previous > event.entityVersion()) {
        count++;
      }
    }
    return count;
  }
}
