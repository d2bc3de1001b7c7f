package io.lagline.reconciler.mapping;

import static io.lagline.reconciler.mapping.Fixtures.OCCURRED_AT;
import static io.lagline.reconciler.mapping.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.lagline.event.Event;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingBindTest {
  private final Mapping fitness = Fixtures.fitness();

  @Test
  void binds_every_write_of_the_event_type_in_file_order() {
    Event event =
        event(
            "DeviceSynced",
            2,
            "{\"steps\": 1200, \"heart_rate\": 61, \"battery\": {\"level\": 0.8}}");

    List<BoundRow> rows = fitness.bind(event, event.attributes());

    assertThat(rows).extracting(BoundRow::table).containsExactly("device_state", "sync_history");
    assertThat(rows.get(0).values())
        .containsExactly(
            entry("device_id", "device-42"),
            entry("steps", 1200),
            entry("heart_rate", 61),
            entry("battery", 0.8),
            entry("synced_at", OCCURRED_AT));
    assertThat(rows.get(1).values())
        .containsExactly(
            entry("device_id", "device-42"),
            entry("event_id", "ev-1"),
            entry("steps", 1200),
            entry("synced_at", OCCURRED_AT));
    assertThat(rows.get(0).write().mode()).isEqualTo(WriteMode.UPSERT_IF_NEWER);
  }

  @Test
  void binds_null_for_a_missing_or_null_optional_value() {
    Event missing = event("DeviceSynced", 1, "{\"steps\": 1, \"heart_rate\": 2}");
    Event nullParent =
        event("DeviceSynced", 1, "{\"steps\": 1, \"heart_rate\": 2, \"battery\": null}");
    Event nullLeaf =
        event(
            "DeviceSynced", 1, "{\"steps\": 1, \"heart_rate\": 2, \"battery\": {\"level\": null}}");

    for (Event event : List.of(missing, nullParent, nullLeaf)) {
      BoundRow row = fitness.bind(event, Map.of()).get(0);
      assertThat(row.values()).containsEntry("battery", null).hasSize(5);
    }
  }

  @Test
  void binds_a_delete_with_key_columns_only() {
    List<BoundRow> rows = fitness.bind(event("DeviceRetired", 1, "{}"), Map.of());

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.write().mode()).isEqualTo(WriteMode.DELETE_IF_NEWER);
              assertThat(row.values()).containsExactly(entry("device_id", "device-42"));
            });
  }

  @Test
  void reads_every_envelope_attribute_as_text_converted_to_the_column_type() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: Envelope
                schema-versions: [3]
                writes:
                  - table: envelope
                    mode: insert-if-absent
                    partition-key: [event_id]
                    columns:
                      event_id: { from: event_id, type: text }
                      event_type: { from: event_type, type: ascii }
                      schema_version: { from: schema_version, type: int }
                      entity_key: { from: entity_key, type: varchar }
                      version: { from: entity_version, type: bigint }
                      version_text: { from: entity_version, type: text }
                      occurred_at: { from: occurred_at, type: timestamp }
                      occurred_text: { from: occurred_at, type: text }
            """,
            "(inline)");
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
    Event event = new Event("e-9", "Envelope", 3, "k", 1L << 40, at, Fixtures.payload("{}"));

    BoundRow row = mapping.bind(event, Map.of()).get(0);

    assertThat(row.values())
        .containsExactly(
            entry("event_id", "e-9"),
            entry("event_type", "Envelope"),
            entry("schema_version", 3),
            entry("entity_key", "k"),
            entry("version", 1L << 40),
            entry("version_text", "1099511627776"),
            entry("occurred_at", Instant.parse("2026-01-02T03:04:05.678Z")),
            entry("occurred_text", "2026-01-02T03:04:05.678Z"));
  }

  @Test
  void reads_nested_payload_paths_the_whole_payload_and_other_attributes() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: Raw
                schema-versions: [1]
                writes:
                  - table: raw
                    mode: insert-if-absent
                    partition-key: [id]
                    columns:
                      id: { from: entity_key, type: text }
                      deep: { from: payload.a.b.c, type: varint }
                      doc: { from: payload, type: text }
                      sub: { from: payload.a, type: text }
                      region: { from: attribute.region, type: text }
                      tenant: { from: attribute.tenant, type: int, required: false }
            """,
            "(inline)");
    Event event =
        event("Raw", 1, "{\"a\": {\"b\": {\"c\": 123456789012345678901}}, \"z\": \"\u00e9\"}");

    BoundRow row = mapping.bind(event, Map.of("region", "eu-west1")).get(0);

    assertThat(row.values())
        .containsExactly(
            entry("id", "device-42"),
            entry("deep", new BigInteger("123456789012345678901")),
            entry("doc", "{\"a\":{\"b\":{\"c\":123456789012345678901}},\"z\":\"\u00e9\"}"),
            entry("sub", "{\"b\":{\"c\":123456789012345678901}}"),
            entry("region", "eu-west1"),
            entry("tenant", null));
  }

  @Test
  void collects_every_field_problem_of_every_write_into_one_exception() {
    Event event =
        event("DeviceSynced", 1, "{\"heart_rate\": \"fast\", \"battery\": {\"level\": \"full\"}}");

    assertThatThrownBy(() -> fitness.bind(event, Map.of()))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.eventId()).isEqualTo("ev-1");
              assertThat(e.problems())
                  .extracting(MappingException.Problem::reason, MappingException.Problem::field)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          MappingException.MISSING_FIELD, "payload.steps"),
                      org.assertj.core.groups.Tuple.tuple(
                          MappingException.INVALID_VALUE, "payload.heart_rate"),
                      org.assertj.core.groups.Tuple.tuple(
                          MappingException.INVALID_VALUE, "payload.battery.level"),
                      org.assertj.core.groups.Tuple.tuple(
                          MappingException.MISSING_FIELD, "payload.steps"));
              assertThat(e.reason()).isEqualTo(MappingException.MISSING_FIELD);
              assertThat(e.field()).isEqualTo("payload.steps");
              assertThat(e.detail())
                  .isEqualTo("column device_state.steps requires a value; it is missing or null");
            })
        .hasMessageContaining("cannot map event ev-1 (4 problems)")
        .hasMessageContaining("column sync_history.steps requires a value")
        .hasMessageContaining(
            "invalid_value payload.heart_rate: column device_state.heart_rate: expected an integer from"
                + " -2147483648 to 2147483647, was string \"fast\"");
  }

  @Test
  void rejects_an_unknown_event_type() {
    assertThatThrownBy(() -> fitness.bind(event("DeviceExploded", 1, "{}"), Map.of()))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MappingException.UNKNOWN_EVENT_TYPE);
              assertThat(e.field()).isEqualTo("event_type");
              assertThat(e.detail())
                  .contains("DeviceExploded")
                  .contains("[DeviceSynced, DeviceRetired]");
            });
  }

  @Test
  void rejects_a_schema_version_the_mapping_does_not_accept() {
    assertThatThrownBy(() -> fitness.bind(event("DeviceRetired", 2, "{}"), Map.of()))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MappingException.UNSUPPORTED_SCHEMA_VERSION);
              assertThat(e.field()).isEqualTo("schema_version");
              assertThat(e.detail()).isEqualTo("DeviceRetired accepts schema versions [1], was 2");
            });
  }

  @Test
  void rejects_a_payload_path_through_a_non_object() {
    Event event = event("DeviceSynced", 1, "{\"steps\": 1, \"heart_rate\": 2, \"battery\": 80}");

    assertThatThrownBy(() -> fitness.bind(event, Map.of()))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MappingException.INVALID_VALUE);
              assertThat(e.field()).isEqualTo("payload.battery.level");
              assertThat(e.detail())
                  .isEqualTo(
                      "column device_state.battery: expected an object at payload.battery holding 'level', was"
                          + " number 80");
            });
  }

  @Test
  void rejects_an_empty_partition_key_value_and_a_missing_required_attribute() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: Tagged
                schema-versions: [1]
                writes:
                  - table: tags
                    mode: insert-if-absent
                    partition-key: [tag]
                    columns:
                      tag: { from: payload.tag, type: text }
                      region: { from: attribute.region, type: text }
            """,
            "(inline)");

    assertThatThrownBy(
            () -> mapping.bind(event("Tagged", 1, "{\"tag\": \"\"}"), Map.of("other", "x")))
        .isInstanceOfSatisfying(
            MappingException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new MappingException.Problem(
                            MappingException.INVALID_VALUE,
                            "payload.tag",
                            "column tags.tag: a partition key value must not be empty"),
                        new MappingException.Problem(
                            MappingException.MISSING_FIELD,
                            "attribute.region",
                            "column tags.region requires a value; it is missing or null")));
  }

  @Test
  void exposes_key_and_value_columns_of_a_write() {
    TableWrite history = fitness.forType("DeviceSynced").orElseThrow().writes().get(1);

    assertThat(history.primaryKey()).containsExactly("device_id", "event_id");
    assertThat(history.keyColumns())
        .extracting(ColumnMapping::column)
        .containsExactly("device_id", "event_id");
    assertThat(history.valueColumns())
        .extracting(ColumnMapping::column)
        .containsExactly("steps", "synced_at");
    assertThat(history.column("steps"))
        .contains(new ColumnMapping("steps", CqlType.INT, "payload.steps", true));
  }
}
