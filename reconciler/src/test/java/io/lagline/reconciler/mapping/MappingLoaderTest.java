package io.lagline.reconciler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {
  @Test
  void loads_the_documented_example() {
    Mapping mapping = Fixtures.fitness();

    assertThat(mapping.versionColumn()).isEqualTo("entity_version");
    assertThat(mapping.deletedColumn()).isEqualTo("deleted");
    assertThat(mapping.eventTypes()).containsExactly("DeviceSynced", "DeviceRetired");
    EventMapping synced = mapping.forType("DeviceSynced").orElseThrow();
    assertThat(synced.schemaVersions()).containsExactly(1, 2);
    assertThat(synced.writes())
        .extracting(
            TableWrite::table,
            TableWrite::mode,
            TableWrite::partitionKey,
            TableWrite::clusteringKey)
        .containsExactly(
            tuple("device_state", WriteMode.UPSERT_IF_NEWER, List.of("device_id"), List.of()),
            tuple(
                "sync_history",
                WriteMode.INSERT_IF_ABSENT,
                List.of("device_id"),
                List.of("event_id")));
    assertThat(synced.writes().get(0).columns())
        .containsExactly(
            new ColumnMapping("device_id", CqlType.TEXT, "entity_key", true),
            new ColumnMapping("steps", CqlType.INT, "payload.steps", true),
            new ColumnMapping("heart_rate", CqlType.INT, "payload.heart_rate", true),
            new ColumnMapping("battery", CqlType.DOUBLE, "payload.battery.level", false),
            new ColumnMapping("synced_at", CqlType.TIMESTAMP, "occurred_at", true));
    TableWrite retire = mapping.forType("DeviceRetired").orElseThrow().writes().get(0);
    assertThat(retire.mode()).isEqualTo(WriteMode.DELETE_IF_NEWER);
    assertThat(retire.valueColumns()).isEmpty();
    assertThat(mapping.forType("Unknown")).isEmpty();
    assertThat(mapping.tables())
        .extracting(TableSchema::name)
        .containsExactly("device_state", "sync_history");
  }

  @Test
  void the_sample_config_mapping_is_the_documented_example() throws Exception {
    Path sample = Path.of("..", "config", "mapping.yaml");
    assumeTrue(Files.exists(sample), "runs from the reconciler module directory");

    assertThat(Files.readString(sample)).isEqualTo(Files.readString(Fixtures.fitnessFile()));
  }

  @Test
  void uses_the_named_version_and_deleted_columns() {
    Mapping mapping =
        MappingLoader.parse(
            """
            version-column: row_version
            deleted-column: gone
            events:
              - event-type: A
                schema-versions: [1]
                writes:
                  - table: t
                    mode: delete-if-newer
                    partition-key: [id]
                    columns: { id: { from: entity_key, type: text } }
            """,
            "(inline)");

    assertThat(mapping.versionColumn()).isEqualTo("row_version");
    assertThat(mapping.deletedColumn()).isEqualTo("gone");
    assertThat(mapping.tables().get(0).regular())
        .containsExactly(
            new TableSchema.Column("row_version", CqlType.BIGINT),
            new TableSchema.Column("gone", CqlType.BOOLEAN));
  }

  @Test
  void lets_a_fact_table_hold_a_column_named_like_the_version_column() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: A
                schema-versions: [1]
                writes:
                  - table: history
                    mode: insert-if-absent
                    partition-key: [id]
                    clustering-key: [entity_version]
                    columns:
                      id: { from: entity_key, type: text }
                      entity_version: { from: entity_version, type: bigint }
            """,
            "(inline)");

    assertThat(mapping.tables().get(0).clusteringKey())
        .containsExactly(new TableSchema.Column("entity_version", CqlType.BIGINT));
  }

  @Test
  void reports_a_yaml_syntax_error_with_its_position() {
    assertThatThrownBy(() -> MappingLoader.parse("events: [ {", "bad.yaml"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.key()).isEqualTo("mapping file");
                          assertThat(p.value()).isEqualTo("bad.yaml");
                          assertThat(p.rule()).startsWith("must be valid YAML: ").contains("line ");
                        }));
  }

  @Test
  void rejects_a_key_given_twice() {
    String yaml =
        """
        events:
          - event-type: A
            event-type: B
        """;

    assertThatThrownBy(() -> MappingLoader.parse(yaml, "dup.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mapping file")
        .hasMessageContaining("must be valid YAML")
        .hasMessageContaining("event-type");
  }

  @Test
  void rejects_a_document_that_is_not_a_mapping() {
    for (String yaml : new String[] {"", "- a\n- b\n", "just text"}) {
      assertThatThrownBy(() -> MappingLoader.parse(yaml, "x.yaml"))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          new ConfigProblem(
                              "mapping file",
                              "x.yaml",
                              "must be a YAML mapping with an events list",
                              "x.yaml")));
    }
  }

  @Test
  void rejects_a_file_that_cannot_be_read(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> MappingLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mapping file")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("must be a readable UTF-8 YAML file");
  }

  @Test
  void names_the_file_as_the_source_of_every_problem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "events: []\n");

    assertThatThrownBy(() -> MappingLoader.load(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::source)
                    .containsOnly(file.toString()));
  }
}
