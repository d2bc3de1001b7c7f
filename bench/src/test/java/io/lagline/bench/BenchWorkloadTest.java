package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.Event;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchWorkloadTest {
  @Test
  void versions_count_up_per_entity_and_the_newest_is_the_last_published() {
    BenchWorkload workload = BenchWorkload.uniform("t", 5_000, 100, 0, 1);

    Map<String, Long> last = new HashMap<>();
    for (Event event : workload.events()) {
      long previous = last.getOrDefault(event.entityKey(), 0L);
      assertThat(event.entityVersion()).isEqualTo(previous + 1);
      last.put(event.entityKey(), event.entityVersion());
    }
    assertThat(workload.entities()).isEqualTo(100);
    workload
        .newest()
        .forEach((key, event) -> assertThat(event.entityVersion()).isEqualTo(last.get(key)));
  }

  @Test
  void zipf_keys_concentrate_on_few_entities() {
    BenchWorkload workload = BenchWorkload.zipf("h", 20_000, 10_000, 1.1, 1);

    long hottest = workload.newest().get("h-0").entityVersion();
    assertThat(hottest).isGreaterThan(1_000);
    assertThat(workload.entities()).isLessThan(10_000);
  }

  @Test
  void padding_makes_payloads_about_that_big() {
    Event event = BenchWorkload.uniform("m", 1, 1, 1000, 1).events().get(0);

    assertThat(event.data().length).isBetween(1000, 1100);
    assertThat(event.eventType()).isEqualTo(BenchMapping.EVENT_TYPE);
  }
}
