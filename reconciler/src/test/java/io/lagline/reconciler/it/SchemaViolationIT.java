package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.app.ReconcilerApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload schemas on intake ({@code contracts.dir}), on a real emulator and Cassandra node. */
class SchemaViolationIT extends OnLocalStack {
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  @Test
  void a_payload_that_breaks_its_schema_is_dead_lettered_with_its_pointers_and_never_written()
      throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "schemas", "contracts: { dir: bundled }");
    pipeline.applySchema();
    Event good =
        Pipeline.synced(
            "good", 1, EventCodec.json().createObjectNode().put("steps", 10).put("heart_rate", 61));
    // the mapping would take this one (heart_rate is optional there): only the schema refuses it
    PubsubMessage noHeartRate = raw("s-1", good, "{\"steps\": 5}", "bad-1");
    PubsubMessage wrongType =
        raw("s-2", good, "{\"steps\": \"many\", \"heart_rate\": 60}", "bad-2");
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publishRaw(List.of(noHeartRate, wrongType));
      pipeline.publish(List.of(good));

      List<PubsubMessage> parked = pipeline.deadLetters(2, CONVERGE);
      await().atMost(CONVERGE).until(() -> pipeline.rows(session, "device_state").size() == 1);

      Map<String, PubsubMessage> byEvent = new HashMap<>();
      parked.forEach(m -> byEvent.put(m.getAttributesOrThrow("event_id"), m));
      assertThat(byEvent).containsOnlyKeys("s-1", "s-2");
      assertThat(byEvent.values())
          .allSatisfy(
              m -> assertThat(m.getAttributesOrThrow("dlq_reason")).isEqualTo("schema_violation"));
      assertThat(byEvent.get("s-1").getAttributesOrThrow("dlq_detail"))
          .isEqualTo(
              "DeviceSynced v1 breaks its contract: /heart_rate: required property 'heart_rate'"
                  + " not found");
      assertThat(byEvent.get("s-2").getAttributesOrThrow("dlq_detail"))
          .startsWith("DeviceSynced v1 breaks its contract: /steps: ");
      assertThat(pipeline.rows(session, "device_state"))
          .extracting(row -> row.getString("device_id"))
          .containsExactly("good");
      assertThat(
              app.registry()
                  .get("lagline.reconciler.dead.letters")
                  .tag("reason", "schema_violation")
                  .counter()
                  .count())
          .isEqualTo(2);
    }
  }

  private static PubsubMessage raw(String eventId, Event base, String data, String device) {
    Map<String, String> attributes = new HashMap<>(base.attributes());
    attributes.put("event_id", eventId);
    attributes.put("entity_key", device);
    return PubsubMessage.newBuilder()
        .putAllAttributes(attributes)
        .setData(ByteString.copyFromUtf8(data))
        .build();
  }
}
