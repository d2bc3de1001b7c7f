package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishReceipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TrickleTest {
  private static final int DEVICES = 100;
  private final FitnessWorkload workload = FitnessWorkload.generate(1000, DEVICES, 7);
  private final List<Event> published = new ArrayList<>();
  private final EventPublisher publisher =
      new EventPublisher() {
        @Override
        public CompletableFuture<PublishReceipt> publish(Event event) {
          published.add(event);
          return CompletableFuture.completedFuture(new PublishReceipt(event.eventId(), "m"));
        }

        @Override
        public CompletableFuture<PublishReceipt> publish(JsonNode command) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
      };

  @Test
  void publishes_newer_versions_of_devices_in_service_with_some_duplicates_and_late_ones() {
    Trickle trickle = new Trickle(publisher, workload, DEVICES, 1);
    for (int i = 0; i < 2000; i++) {
      trickle.tick();
    }

    Map<String, Long> newest = new HashMap<>();
    workload.distinct().forEach(e -> newest.merge(e.entityKey(), e.entityVersion(), Math::max));
    Set<String> retired = new HashSet<>();
    for (int d = 0; d < FitnessWorkload.retiredDevices(DEVICES); d++) {
      retired.add(FitnessWorkload.deviceKey(d));
    }
    assertThat(trickle.published()).isEqualTo(2000);
    assertThat(published)
        .allMatch(e -> e.eventType().equals("DeviceSynced"))
        .allMatch(e -> e.entityVersion() > newest.get(e.entityKey()), "newer than the workload")
        .noneMatch(e -> retired.contains(e.entityKey()));
    long duplicates = published.size() - published.stream().map(Event::eventId).distinct().count();
    assertThat(duplicates).as("about 12%% duplicates").isBetween(180L, 300L);
    assertThat(late(published))
        .as("about 5%% older versions after newer ones")
        .isBetween(60L, 160L);
  }

  @Test
  void refuses_a_rate_beyond_its_bounds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Trickle.start(publisher, workload, DEVICES, Trickle.MAX_RATE + 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be 0 to 1000, was 1001");
  }

  /** Publishes of a version lower than one already published for the same device. */
  private static long late(List<Event> events) {
    Map<String, Long> seen = new HashMap<>();
    long late = 0;
    for (Event event : events) {
      Long before = seen.merge(event.entityKey(), event.entityVersion(), Math::max);
      if (before > event.entityVersion()) {
        late++;
      }
    }
    return late;
  }
}
