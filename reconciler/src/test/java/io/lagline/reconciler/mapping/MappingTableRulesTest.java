package io.lagline.reconciler.mapping;

import static io.lagline.reconciler.mapping.MappingYaml.KEY;
import static io.lagline.reconciler.mapping.MappingYaml.STEPS;
import static io.lagline.reconciler.mapping.MappingYaml.event;
import static io.lagline.reconciler.mapping.MappingYaml.mapping;
import static io.lagline.reconciler.mapping.MappingYaml.one;
import static io.lagline.reconciler.mapping.MappingYaml.state;
import static io.lagline.reconciler.mapping.MappingYaml.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule on keys, identifiers and the agreement of writes to one table; then all at once.
 */
class MappingTableRulesTest {
  private static final String W = "events[0].writes[0]";
  private static final String IDENTIFIER_RULE =
      "must be a lower-case CQL identifier: a letter a-z, then at most 47 of a-z, 0-9 or '_'";
  private static final String HISTORY_COLUMNS = KEY + ", event_id: {from: event_id, type: text}";

  static Stream<Arguments> rules() {
    return Stream.of(
        arguments(
            "partition key column not mapped",
            one(write("t", "upsert-if-newer", "[device]", KEY)),
            W + ".partition-key[0]",
            "device",
            "must be one of the write's columns; map it under columns"),
        arguments(
            "clustering key column not mapped",
            one(
                "{table: t, mode: insert-if-absent, partition-key: [device_id], clustering-key: [event_id], columns: {"
                    + KEY
                    + "}}"),
            W + ".clustering-key[0]",
            "event_id",
            "must be one of the write's columns"),
        arguments(
            "key column listed twice",
            one(write("t", "upsert-if-newer", "[device_id, device_id]", KEY)),
            W + ".partition-key[1]",
            "device_id",
            "lists the same column twice"),
        arguments(
            "clustering column also in the partition key",
            one(
                "{table: t, mode: insert-if-absent, partition-key: [device_id], clustering-key: [device_id], columns: {"
                    + KEY
                    + "}}"),
            W + ".clustering-key[0]",
            "device_id",
            "is already in the partition key"),
        arguments(
            "optional key column",
            one(state("device_id: {from: entity_key, type: text, required: false}")),
            W + ".columns.device_id.required",
            "false",
            "key columns are always required; remove required: false"),
        arguments(
            "delete-if-newer with a value column",
            one(write("device_state", "delete-if-newer", "[device_id]", KEY + ", " + STEPS)),
            W + ".columns.steps",
            "steps",
            "delete-if-newer writes list only key columns (partition-key, clustering-key)"),
        arguments(
            "column type differs between writes",
            mapping(
                event("A", state(KEY + ", " + STEPS)),
                event("B", state(KEY + ", steps: {from: payload.n, type: bigint}"))),
            "events[1].writes[0].columns.steps.type",
            "bigint",
            "column device_state.steps is int in events[0].writes[0].columns.steps; a column has one type in every write to its table"),
        arguments(
            "partition key differs between writes",
            mapping(
                event("A", state(KEY + ", " + STEPS)),
                event(
                    "B", write("device_state", "upsert-if-newer", "[steps]", KEY + ", " + STEPS))),
            "events[1].writes[0].partition-key",
            "[steps]",
            "table device_state has partition key [device_id] in events[0].writes[0]; every write to a table uses the same primary key"),
        arguments(
            "clustering key differs between writes",
            mapping(
                event(
                    "A",
                    "{table: h, mode: insert-if-absent, partition-key: [device_id], clustering-key: [event_id], columns: {"
                        + HISTORY_COLUMNS
                        + "}}"),
                event("B", write("h", "insert-if-absent", "[device_id]", HISTORY_COLUMNS))),
            "events[1].writes[0].clustering-key",
            "[]",
            "table h has clustering key [event_id] in events[0].writes[0]"),
        arguments(
            "fact and versioned writes to one table",
            mapping(
                event("A", state(KEY)),
                event("B", write("device_state", "insert-if-absent", "[device_id]", KEY))),
            "events[1].writes[0].mode",
            "insert-if-absent",
            "table device_state is written by upsert-if-newer in events[0].writes[0]; a table is either versioned state"
                + " (upsert-if-newer, delete-if-newer) or a fact table (insert-if-absent), not both"),
        arguments(
            "one event writes a table twice",
            mapping(event("A", state(KEY), state(KEY))),
            "events[0].writes[1].table",
            "device_state",
            "is already written by events[0].writes[0]; an event writes a table once"),
        arguments(
            "table name not an identifier",
            one(write("Device-State", "upsert-if-newer", "[device_id]", KEY)),
            W + ".table",
            "Device-State",
            IDENTIFIER_RULE),
        arguments(
            "table name too long",
            one(write("t" + "x".repeat(48), "upsert-if-newer", "[device_id]", KEY)),
            W + ".table",
            "t" + "x".repeat(48),
            IDENTIFIER_RULE),
        arguments(
            "table name a reserved word",
            one(write("order", "upsert-if-newer", "[device_id]", KEY)),
            W + ".table",
            "order",
            "is a reserved CQL word; pick another name"),
        arguments(
            "column name not lower case",
            one(state(KEY + ", heartRate: {from: payload.hr, type: int}")),
            W + ".columns.heartRate",
            "heartRate",
            IDENTIFIER_RULE),
        arguments(
            "column name starting with '_'",
            one(state(KEY + ", _x: {from: payload.x, type: int}")),
            W + ".columns._x",
            "_x",
            IDENTIFIER_RULE),
        arguments(
            "column name a reserved word",
            one(state(KEY + ", key: {from: payload.key, type: text}")),
            W + ".columns.key",
            "key",
            "is a reserved CQL word"),
        arguments(
            "column named as the version column",
            one(state(KEY + ", entity_version: {from: entity_version, type: bigint}")),
            W + ".columns.entity_version",
            "entity_version",
            "is the version column (version-column) that versioned tables get"),
        arguments(
            "column named as the deleted column",
            one(state(KEY + ", deleted: {from: payload.deleted, type: boolean}")),
            W + ".columns.deleted",
            "deleted",
            "is the deleted column (deleted-column) that deletable tables get"),
        arguments(
            "column named as a custom version column",
            "version-column: v\n" + one(state(KEY + ", v: {from: payload.v, type: int}")),
            W + ".columns.v",
            "v",
            "is the version column"),
        arguments(
            "version-column not an identifier",
            "version-column: Version\n" + one(state(KEY)),
            "version-column",
            "Version",
            IDENTIFIER_RULE),
        arguments(
            "deleted-column a reserved word",
            "deleted-column: delete\n" + one(state(KEY)),
            "deleted-column",
            "delete",
            "is a reserved CQL word"),
        arguments(
            "deleted-column same as version-column",
            "deleted-column: entity_version\n" + one(state(KEY)),
            "deleted-column",
            "entity_version",
            "must differ from version-column"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rejects_with_the_path_value_and_rule(
      String rule, String yaml, String key, String value, String expected) {
    MappingYaml.assertRejected(yaml, key, value, expected);
  }

  @Test
  void reports_every_problem_of_the_file_at_once() {
    String yaml =
        "version-colum: v\n"
            + mapping(
                event(
                    "A",
                    write(
                        "device_state",
                        "upsert",
                        "[device_id]",
                        KEY + ", steps: {from: payload.steps, type: integer}")),
                event(
                    "A",
                    write(
                        "other",
                        "upsert-if-newer",
                        "[device]",
                        KEY + ", select: {from: entity_id, type: text}")),
                event("B", state(KEY + ", " + STEPS)),
                event("C", state(KEY + ", steps: {from: payload.steps, type: bigint}")));

    assertThatThrownBy(() -> MappingLoader.parse(yaml, MappingYaml.SOURCE))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::key)
                    .containsExactly(
                        "version-colum",
                        "events[0].writes[0].mode",
                        "events[0].writes[0].columns.steps.type",
                        "events[1].event-type",
                        "events[1].writes[0].columns.select",
                        "events[1].writes[0].columns.select.from",
                        "events[1].writes[0].partition-key[0]",
                        "events[3].writes[0].columns.steps.type"))
        .hasMessageStartingWith("invalid configuration (8 problems):");
  }

  @Test
  void reserves_the_cql_keywords_that_would_need_quoting() {
    assertThat(CqlIdentifiers.RESERVED)
        .contains(
            "select", "from", "where", "table", "key", "order", "by", "primary", "insert", "update",
            "delete")
        .contains("set", "and", "if", "in", "token", "limit", "allow", "keyspace");
    assertThat(CqlIdentifiers.isValid("device_state")).isTrue();
    assertThat(CqlIdentifiers.isValid("a" + "b".repeat(47))).isTrue();
    assertThat(CqlIdentifiers.isValid("a" + "b".repeat(48))).isFalse();
    assertThat(CqlIdentifiers.isValid("9lives")).isFalse();
    assertThat(CqlIdentifiers.isValid(null)).isFalse();
  }

  @Test
  void a_versioned_write_must_be_keyed_by_the_entity() {
    String yaml =
        mapping(
            event(
                "A",
                write(
                    "accounts",
                    "upsert-if-newer",
                    "[user_id]",
                    "user_id: {from: payload.user_id, type: text}, " + STEPS)));

    assertThatThrownBy(() -> MappingLoader.parse(yaml, MappingYaml.SOURCE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("events[0].writes[0].partition-key")
        .hasMessageContaining("filled from entity_key");
  }

  @Test
  void every_upsert_of_a_table_sets_the_same_columns() {
    String yaml =
        mapping(
            event("Stepped", state(KEY + ", " + STEPS)),
            event("Charged", state(KEY + ", battery: {from: payload.level, type: double}")));

    assertThatThrownBy(() -> MappingLoader.parse(yaml, MappingYaml.SOURCE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("events[1].writes[0].columns")
        .hasMessageContaining("every upsert-if-newer write to a table sets the same columns");
  }
}
