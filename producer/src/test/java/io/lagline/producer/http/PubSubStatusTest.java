package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.producer.ingest.ScriptedPublisher;
import io.lagline.producer.publish.PublishFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PubSubStatusTest {
  private final PubSubStatus status = new PubSubStatus();
  private final ScriptedPublisher scripted = new ScriptedPublisher();
  private final ObservedPublisher publisher = new ObservedPublisher(scripted, status);

  private static Event event(String key) {
    return new Event(
        "e-" + key, "DeviceSynced", 1, key, 1, Instant.EPOCH, EventCodec.json().createObjectNode());
  }

  @Test
  void only_failures_about_pubsub_itself_make_it_unreachable() {
    for (PublishFailure failure : PublishFailure.values()) {
      boolean expected =
          switch (failure) {
            case UNAVAILABLE, TIMED_OUT, TOPIC_NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED ->
                true;
            default -> false;
          };
      assertThat(PubSubStatus.concernsPubSub(failure)).as(failure.name()).isEqualTo(expected);
    }
  }

  @Test
  void publishes_through_the_publisher_move_the_status_and_its_gauge() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    status.bindTo(registry);
    double gauge = registry.get("lagline.producer.serve.pubsub.reachable").gauge().value();
    assertThat(gauge).isEqualTo(1.0);

    scripted.failures = e -> PublishFailure.UNAVAILABLE;
    publisher.publish(event("a")).exceptionally(t -> null).join();
    assertThat(status.reachable()).isFalse();
    assertThat(status.describe()).isEqualTo("unavailable");
    assertThat(registry.get("lagline.producer.serve.pubsub.reachable").gauge().value())
        .isEqualTo(0.0);

    scripted.failures = e -> PublishFailure.FLOW_CONTROL; // says nothing about Pub/Sub
    publisher.publish(event("b")).exceptionally(t -> null).join();
    assertThat(status.describe()).isEqualTo("unavailable");

    scripted.failures = e -> null;
    publisher.publish(event("c")).join();
    assertThat(status.reachable()).isTrue();
    assertThat(status.describe()).isEqualTo("reachable");
  }
}
