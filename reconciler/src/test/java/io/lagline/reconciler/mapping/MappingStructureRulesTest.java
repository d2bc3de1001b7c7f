package io.lagline.reconciler.mapping;

import static io.lagline.reconciler.mapping.MappingYaml.KEY;
import static io.lagline.reconciler.mapping.MappingYaml.STEPS;
import static io.lagline.reconciler.mapping.MappingYaml.event;
import static io.lagline.reconciler.mapping.MappingYaml.mapping;
import static io.lagline.reconciler.mapping.MappingYaml.one;
import static io.lagline.reconciler.mapping.MappingYaml.state;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule on the shape of the file: known keys, required fields, types, sources, versions.
 */
class MappingStructureRulesTest {
  private static final String STATE = state(KEY + ", " + STEPS);
  private static final String W = "events[0].writes[0]";
  private static final String ENVELOPE_RULE =
      "must be an envelope attribute (event_id, event_type, schema_version, entity_key, entity_version,"
          + " occurred_at), payload, payload.<dotted.path> or attribute.<name>";

  static Stream<Arguments> rules() {
    return Stream.of(
        arguments(
            "unknown top-level key",
            "version-colum: v\n" + one(STATE),
            "version-colum",
            "v",
            "is not a known key; allowed: version-column, deleted-column, events"),
        arguments(
            "unknown event key",
            mapping(
                "{event-type: A, schema-version: [1], schema-versions: [1], writes: ["
                    + STATE
                    + "]}"),
            "events[0].schema-version",
            "[1]",
            "is not a known key; allowed: event-type, schema-versions, writes"),
        arguments(
            "unknown write key",
            one(
                "{table: device_state, mode: upsert-if-newer, partition-key: [device_id], partition_key: [x], columns: {"
                    + KEY
                    + "}}"),
            W + ".partition_key",
            "[\"x\"]",
            "is not a known key; allowed: table, mode, partition-key, clustering-key, columns"),
        arguments(
            "unknown column key",
            one(state(KEY + ", steps: {from: payload.steps, type: int, requried: false}")),
            W + ".columns.steps.requried",
            "false",
            "is not a known key; allowed: from, type, required"),
        arguments("missing events", "version-column: v\n", "events", null, "is required"),
        arguments(
            "empty events", "events: []\n", "events", "[]", "must list at least one event mapping"),
        arguments(
            "event not a mapping",
            "events: [DeviceSynced]\n",
            "events[0]",
            "DeviceSynced",
            "must be a mapping with event-type, schema-versions and writes"),
        arguments(
            "missing event-type",
            mapping("{schema-versions: [1], writes: [" + STATE + "]}"),
            "events[0].event-type",
            null,
            "is required"),
        arguments(
            "malformed event-type",
            mapping(event("'Device Synced'", STATE)),
            "events[0].event-type",
            "Device Synced",
            "must start with a letter and hold only letters, digits"),
        arguments(
            "duplicate event type",
            mapping(event("A", STATE), event("A", state(KEY))),
            "events[1].event-type",
            "A",
            "is already mapped by events[0]; map each event type once"),
        arguments(
            "missing schema-versions",
            mapping("{event-type: A, writes: [" + STATE + "]}"),
            "events[0].schema-versions",
            null,
            "is required"),
        arguments(
            "empty schema-versions",
            mapping("{event-type: A, schema-versions: [], writes: [" + STATE + "]}"),
            "events[0].schema-versions",
            "[]",
            "must list at least one accepted schema version"),
        arguments(
            "non-positive schema version",
            mapping("{event-type: A, schema-versions: [1, 0], writes: [" + STATE + "]}"),
            "events[0].schema-versions[1]",
            "0",
            "must be a positive integer"),
        arguments(
            "non-integer schema version",
            mapping("{event-type: A, schema-versions: [v1], writes: [" + STATE + "]}"),
            "events[0].schema-versions[0]",
            "v1",
            "must be a positive integer"),
        arguments(
            "duplicate schema version",
            mapping("{event-type: A, schema-versions: [2, 2], writes: [" + STATE + "]}"),
            "events[0].schema-versions[1]",
            "2",
            "lists the same version twice"),
        arguments(
            "schema-versions not a list",
            mapping("{event-type: A, schema-versions: 1, writes: [" + STATE + "]}"),
            "events[0].schema-versions",
            "1",
            "must be a list"),
        arguments(
            "missing writes",
            mapping("{event-type: A, schema-versions: [1]}"),
            "events[0].writes",
            null,
            "is required"),
        arguments(
            "empty writes",
            mapping("{event-type: A, schema-versions: [1], writes: []}"),
            "events[0].writes",
            "[]",
            "must list at least one table write"),
        arguments(
            "write not a mapping",
            one("device_state"),
            W,
            "device_state",
            "must be a mapping with table, mode, partition-key and columns"),
        arguments(
            "missing table",
            one("{mode: upsert-if-newer, partition-key: [device_id], columns: {" + KEY + "}}"),
            W + ".table",
            null,
            "is required"),
        arguments(
            "missing mode",
            one("{table: t, partition-key: [device_id], columns: {" + KEY + "}}"),
            W + ".mode",
            null,
            "is required"),
        arguments(
            "unknown mode",
            one(MappingYaml.write("t", "upsert", "[device_id]", KEY)),
            W + ".mode",
            "upsert",
            "must be one of upsert-if-newer, insert-if-absent, delete-if-newer"),
        arguments(
            "missing partition-key",
            one("{table: t, mode: upsert-if-newer, columns: {" + KEY + "}}"),
            W + ".partition-key",
            null,
            "is required"),
        arguments(
            "empty partition-key",
            one(MappingYaml.write("t", "upsert-if-newer", "[]", KEY)),
            W + ".partition-key",
            "[]",
            "must list at least one column"),
        arguments(
            "missing columns",
            one("{table: t, mode: upsert-if-newer, partition-key: [device_id]}"),
            W + ".columns",
            null,
            "is required"),
        arguments(
            "empty columns", one(state("")), W + ".columns", "{}", "must map at least one column"),
        arguments(
            "column not a mapping",
            one(state(KEY + ", steps: int")),
            W + ".columns.steps",
            "int",
            "must be a mapping such as { from: payload.steps, type: int }"),
        arguments(
            "missing from",
            one(state(KEY + ", steps: {type: int}")),
            W + ".columns.steps.from",
            null,
            "is required"),
        arguments(
            "missing type",
            one(state(KEY + ", steps: {from: payload.steps}")),
            W + ".columns.steps.type",
            null,
            "is required"),
        arguments(
            "unknown type",
            one(state(KEY + ", steps: {from: payload.steps, type: integer}")),
            W + ".columns.steps.type",
            "integer",
            "must be one of text, ascii, varchar, int, bigint, smallint, tinyint, varint, boolean, double, float,"
                + " decimal, timestamp, date, uuid, timeuuid, inet, blob"),
        arguments(
            "type not a string",
            one(state(KEY + ", steps: {from: payload.steps, type: 5}")),
            W + ".columns.steps.type",
            "5",
            "must be a string"),
        arguments(
            "unknown envelope attribute",
            one(state("device_id: {from: entity_id, type: text}")),
            W + ".columns.device_id.from",
            "entity_id",
            ENVELOPE_RULE),
        arguments(
            "empty payload path",
            one(state(KEY + ", steps: {from: payload., type: int}")),
            W + ".columns.steps.from",
            "payload.",
            "has an empty payload path segment; " + ENVELOPE_RULE),
        arguments(
            "empty payload path segment",
            one(state(KEY + ", steps: {from: payload..steps, type: int}")),
            W + ".columns.steps.from",
            "payload..steps",
            "has an empty payload path segment"),
        arguments(
            "empty attribute name",
            one(state(KEY + ", region: {from: attribute., type: text}")),
            W + ".columns.region.from",
            "attribute.",
            "has an empty attribute name"),
        arguments(
            "whole payload into a non-text column",
            one(state(KEY + ", doc: {from: payload, type: int}")),
            W + ".columns.doc.type",
            "int",
            "the whole payload is stored as JSON text: must be text, varchar or ascii"),
        arguments(
            "required not a boolean",
            one(state(KEY + ", steps: {from: payload.steps, type: int, required: 'no'}")),
            W + ".columns.steps.required",
            "no",
            "must be true or false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rejects_with_the_path_value_and_rule(
      String rule, String yaml, String key, String value, String expected) {
    MappingYaml.assertRejected(yaml, key, value, expected);
  }
}
