package io.lagline.producer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.contract.Contracts;
import io.lagline.producer.publish.PublishFailure;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestTest {
  static final String GOOD =
      """
      {"event_type": "DeviceSynced", "schema_version": 1, "entity_key": "device-42",
       "entity_version": 17, "payload": {"steps": 4200, "heart_rate": 71}}""";

  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final Ingest ingest = new Ingest(publisher, Optional.of(Contracts.bundled()), 3);

  private Reply one(String body) {
    return ingest.one(body.getBytes(UTF_8)).join();
  }

  private Reply batch(String body) {
    return ingest.batch(body.getBytes(UTF_8)).join();
  }

  @Test
  void a_valid_event_is_accepted_with_its_ids_once_published() {
    Reply reply = one(GOOD);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body().get("event_id").asText())
        .isEqualTo(publisher.published.get(0).eventId());
    assertThat(reply.body().get("message_id").asText()).isEqualTo("m-1");
    assertThat(reply.body().get("entity_key").asText()).isEqualTo("device-42");
    assertThat(reply.body().get("entity_version").asLong()).isEqualTo(17);
  }

  @Test
  void every_envelope_and_schema_violation_is_reported_with_its_pointer_and_nothing_published() {
    Reply envelope =
        one(
            """
            {"event_type": "DeviceSynced", "schema_version": 1, "entity_key": "",
             "entity_version": -1, "payload": {"steps": 1, "heart_rate": 1}, "entityVersion": 3}""");
    Reply schema =
        one(
            """
            {"event_type": "DeviceSynced", "schema_version": 1, "entity_key": "d",
             "entity_version": 1, "payload": {"steps": -5, "heart_rate": "fast"}}""");

    assertThat(envelope.status()).isEqualTo(400);
    assertThat(envelope.body().get("violations").findValuesAsText("pointer"))
        .contains("/entity_key", "/entity_version", "/entityVersion");
    assertThat(schema.status()).isEqualTo(400);
    assertThat(schema.body().get("violations").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("/payload/steps", "/payload/heart_rate");
    assertThat(schema.body().get("violations").findValuesAsText("rule"))
        .allMatch(r -> !r.isBlank());
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void envelope_and_schema_violations_come_in_one_reply() {
    Reply reply =
        one(
            """
            {"event_type": "DeviceSynced", "schema_version": 1, "entity_key": "",
             "entity_version": 1, "payload": {"steps": -1, "heart_rate": 71}}""");

    assertThat(reply.body().get("violations").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("/entity_key", "/payload/steps");
  }

  @Test
  void a_body_that_is_not_one_json_object_is_refused() {
    assertThat(one("{\"event_type\":").status()).isEqualTo(400);
    assertThat(one(GOOD + " {}").status()).isEqualTo(400);
    assertThat(one("[]").body().get("violations").get(0).get("pointer").asText()).isEmpty();
  }

  @Test
  void a_failed_publish_is_never_accepted_and_says_when_to_retry() {
    publisher.failures = e -> PublishFailure.UNAVAILABLE;

    Reply reply = one(GOOD);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.retryAfter()).contains(FailureStatus.UNAVAILABLE_RETRY_AFTER);
    assertThat(reply.body().get("event_id").asText()).isNotBlank();
    assertThat(reply.replayable()).isFalse();
  }

  @Test
  void a_full_publisher_is_429() {
    publisher.failures = e -> PublishFailure.FLOW_CONTROL;

    assertThat(one(GOOD).status()).isEqualTo(429);
    assertThat(one(GOOD).retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void a_closed_publisher_is_503() {
    publisher.close();

    assertThat(one(GOOD).status()).isEqualTo(503);
  }

  @Test
  void a_batch_is_published_whole_with_a_result_per_item() {
    Reply reply = batch("[" + GOOD + "," + GOOD + "]");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(reply.body().get("results").findValuesAsText("status"))
        .containsExactly("202", "202");
    assertThat(publisher.published).hasSize(2);
  }

  @Test
  void one_invalid_item_refuses_the_batch_naming_its_index() {
    String bad = GOOD.replace("4200", "-1");

    Reply reply = batch("[" + GOOD + "," + bad + "]");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("violations").findValuesAsText("pointer"))
        .containsExactly("/1/payload/steps");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void a_batch_above_its_bound_is_413_and_not_an_array_400() {
    assertThat(batch("[" + GOOD + "," + GOOD + "," + GOOD + "," + GOOD + "]").status())
        .isEqualTo(413);
    assertThat(batch(GOOD).status()).isEqualTo(400);
    assertThat(batch("[]").status()).isEqualTo(400);
  }

  @Test
  void a_partly_published_batch_is_207_and_names_the_failed_items() {
    publisher.failures = e -> e.entityKey().equals("b") ? PublishFailure.UNAVAILABLE : null;

    Reply reply = batch("[" + GOOD + "," + GOOD.replace("device-42", "b") + "]");

    assertThat(reply.status()).isEqualTo(207);
    JsonNode failed = reply.body().get("results").get(1);
    assertThat(failed.get("status").asInt()).isEqualTo(503);
    assertThat(failed.get("event_id").asText()).isNotBlank();
    assertThat(reply.retryAfter()).isPresent();
  }
}
