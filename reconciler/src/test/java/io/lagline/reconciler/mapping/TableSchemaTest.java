package io.lagline.reconciler.mapping;

import static io.lagline.reconciler.mapping.CqlType.BIGINT;
import static io.lagline.reconciler.mapping.CqlType.BOOLEAN;
import static io.lagline.reconciler.mapping.CqlType.DOUBLE;
import static io.lagline.reconciler.mapping.CqlType.INT;
import static io.lagline.reconciler.mapping.CqlType.TEXT;
import static io.lagline.reconciler.mapping.CqlType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.mapping.TableSchema.Column;
import org.junit.jupiter.api.Test;

class TableSchemaTest {
  @Test
  void a_versioned_deletable_table_gets_the_version_and_deleted_columns() {
    TableSchema state = Fixtures.fitness().table("device_state").orElseThrow();

    assertThat(state.partitionKey()).containsExactly(new Column("device_id", TEXT));
    assertThat(state.clusteringKey()).isEmpty();
    assertThat(state.regular())
        .containsExactly(
            new Column("steps", INT),
            new Column("heart_rate", INT),
            new Column("battery", DOUBLE),
            new Column("synced_at", TIMESTAMP),
            new Column("entity_version", BIGINT),
            new Column("deleted", BOOLEAN));
    assertThat(state.versioned()).isTrue();
    assertThat(state.deletable()).isTrue();
    assertThat(state.primaryKey()).containsExactly("device_id");
  }

  @Test
  void a_fact_table_has_only_its_mapped_columns() {
    TableSchema history = Fixtures.fitness().table("sync_history").orElseThrow();

    assertThat(history.columns())
        .containsExactly(
            new Column("device_id", TEXT),
            new Column("event_id", TEXT),
            new Column("steps", INT),
            new Column("synced_at", TIMESTAMP));
    assertThat(history.primaryKey()).containsExactly("device_id", "event_id");
    assertThat(history.versioned()).isFalse();
    assertThat(history.deletable()).isFalse();
  }

  @Test
  void a_table_is_the_union_of_every_write_to_it() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: Stepped
                schema-versions: [1]
                writes:
                  - table: history
                    mode: insert-if-absent
                    partition-key: [device_id]
                    clustering-key: [event_id]
                    columns:
                      device_id: { from: entity_key, type: text }
                      event_id: { from: event_id, type: text }
                      steps: { from: payload.steps, type: int }
              - event-type: Charged
                schema-versions: [1]
                writes:
                  - table: history
                    mode: insert-if-absent
                    partition-key: [device_id]
                    clustering-key: [event_id]
                    columns:
                      device_id: { from: entity_key, type: text }
                      event_id: { from: event_id, type: text }
                      battery: { from: payload.level, type: double }
                      steps: { from: payload.steps, type: int }
            """,
            "(inline)");

    TableSchema history = mapping.tables().get(0);

    assertThat(history.regular())
        .containsExactly(new Column("steps", INT), new Column("battery", DOUBLE));
    assertThat(history.versioned()).isFalse();
    assertThat(history.deletable()).isFalse();
    assertThat(history.column("battery")).contains(new Column("battery", DOUBLE));
    assertThat(mapping.tables()).hasSize(1);
  }
}
