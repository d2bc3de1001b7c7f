package io.lagline.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

  private static Map<String, String> validAttributes() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", "e-1");
    attributes.put("event_type", "DeviceSynced");
    attributes.put("schema_version", "1");
    attributes.put("entity_key", "device-7");
    attributes.put("entity_version", "42");
    attributes.put("occurred_at", "2026-11-23T06:30:00+01:00");
    return attributes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodes_a_valid_message() {
    Event event = EventCodec.decode(validAttributes(), bytes("{\"steps\": 10}"));

    assertThat(event.eventId()).isEqualTo("e-1");
    assertThat(event.entityVersion()).isEqualTo(42L);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T05:30:00Z"));
    assertThat(event.payload().get("steps").asInt()).isEqualTo(10);
  }

  @Test
  void accepts_rfc3339_in_either_case_with_a_fraction() {
    Map<String, String> attributes = validAttributes();
    attributes.put("occurred_at", "2026-11-23t06:30:00.123456z");

    assertThat(EventCodec.decode(attributes, bytes("{}")).occurredAt())
        .isEqualTo(Instant.parse("2026-11-23T06:30:00.123456Z"));
  }

  @Test
  void round_trips_through_attributes_and_data() {
    Event event = EventCodec.decode(validAttributes(), bytes("{\"a\":[1,2],\"b\":{\"c\":true}}"));

    Event again = EventCodec.decode(event.attributes(), event.data());

    assertThat(again).isEqualTo(event);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"+5", "' 5'", "'5 '", "0x5", "5e0", "٥", "0", "9223372036854775808"})
  void an_entity_version_is_decimal_digits_only_without_a_sign(String raw) {
    Map<String, String> attributes = validAttributes();
    attributes.put("entity_version", raw);

    assertThat(EventCodec.validate(attributes, bytes("{}")))
        .containsExactly(
            new Violation(
                "entity_version",
                "must be a positive 64-bit integer in digits only, was '" + raw + "'"));
  }

  @Test
  void data_over_the_limit_is_refused_by_its_size_without_being_parsed() {
    byte[] notEvenJson = new byte[EventRules.MAX_DATA_BYTES + 10];
    java.util.Arrays.fill(notEvenJson, (byte) 'x');

    assertThat(EventCodec.validate(validAttributes(), notEvenJson))
        .containsExactly(
            new Violation(
                "data",
                "is too large: 9437194 bytes, 10 bytes over the 9 MiB limit (9437184 bytes)"));
  }

  @Test
  void reports_every_violation_at_once() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("schema_version", "0");
    attributes.put("entity_version", "-3");
    attributes.put("occurred_at", "yesterday");

    assertThatThrownBy(() -> EventCodec.decode(attributes, bytes("[1]")))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "event_id",
                        "event_type",
                        "schema_version",
                        "entity_key",
                        "entity_version",
                        "occurred_at",
                        "data"));
  }

  @ParameterizedTest(name = "{0} = ''{1}'' is rejected")
  @CsvSource({
    "event_id, has space",
    "event_type, 9lives",
    "event_type, Device Synced",
    "schema_version, 1.5",
    "schema_version, abc",
    "entity_key, ' '",
    "entity_version, 0",
    "entity_version, 99999999999999999999",
    "occurred_at, 2026-11-23T06:30:00",
    "occurred_at, 2026-11-23T06:30Z",
    "occurred_at, ' 2026-11-23T06:30:00Z'",
    "occurred_at, 2026-13-01T00:00:00Z",
  })
  void rejects_a_bad_attribute(String field, String value) {
    Map<String, String> attributes = validAttributes();
    attributes.put(field, value);

    assertThat(EventCodec.validate(attributes, bytes("{}")))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "data {0} is rejected")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "'not json'|valid UTF-8 JSON",
        "'\"text\"'|JSON object",
        "'null'|JSON object"
      })
  void rejects_data_that_is_not_a_json_object(String data, String rule) {
    assertThat(EventCodec.validate(validAttributes(), bytes(data)))
        .singleElement()
        .satisfies(v -> assertThat(v.toString()).startsWith("data: ").contains(rule));
  }

  @Test
  void builds_an_event_from_a_command_generating_id_and_time() throws Exception {
    JsonNode command =
        EventCodec.json()
            .readTree(
                "{\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\"d-1\","
                    + "\"entity_version\":3,\"payload\":{\"steps\":5}}");

    Event event = EventCodec.fromCommand(command, () -> "generated-id", CLOCK);

    assertThat(event.eventId()).isEqualTo("generated-id");
    assertThat(event.occurredAt()).isEqualTo(CLOCK.instant());
    assertThat(event.entityVersion()).isEqualTo(3);
  }

  @Test
  void a_command_with_unknown_fields_and_no_payload_lists_both() throws Exception {
    JsonNode command =
        EventCodec.json()
            .readTree(
                "{\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\"d-1\","
                    + "\"entity_version\":3,\"entityVersion\":4}");

    assertThatThrownBy(() -> EventCodec.fromCommand(command, () -> "x", CLOCK))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("entityVersion", "payload"));
  }

  @Test
  void command_round_trips() throws Exception {
    Event event = EventCodec.decode(validAttributes(), bytes("{\"steps\": 10}"));

    assertThat(EventCodec.fromCommand(EventCodec.toCommand(event))).isEqualTo(event);
  }
}
