package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.mapping.TableWrite;
import org.junit.jupiter.api.Test;

class LwtStatementsTest {
  private static final Mapping MAPPING =
      MappingLoader.parse(
          """
          events:
            - event-type: DeviceSynced
              schema-versions: [1]
              writes:
                - table: device_state
                  mode: upsert-if-newer
                  partition-key: [device_id]
                  columns:
                    device_id: { from: entity_key, type: text }
                    steps: { from: payload.steps, type: int }
                    battery: { from: payload.battery, type: double, required: false }
                - table: sync_history
                  mode: insert-if-absent
                  partition-key: [device_id]
                  clustering-key: [event_id]
                  columns:
                    device_id: { from: entity_key, type: text }
                    event_id: { from: event_id, type: text }
            - event-type: DeviceRetired
              schema-versions: [1]
              writes:
                - table: device_state
                  mode: delete-if-newer
                  partition-key: [device_id]
                  columns:
                    device_id: { from: entity_key, type: text }
          """,
          "test");

  private static LwtStatements statements(String type, int write) {
    TableWrite tableWrite = MAPPING.forType(type).orElseThrow().writes().get(write);
    return LwtStatements.of(
        "ks",
        tableWrite,
        MAPPING.table(tableWrite.table()).orElseThrow(),
        "entity_version",
        "deleted");
  }

  @Test
  void upsert_updates_only_an_older_row_and_inserts_a_missing_one() {
    LwtStatements upsert = statements("DeviceSynced", 0);

    assertThat(upsert.update())
        .isEqualTo(
            "UPDATE ks.device_state SET steps = ?, battery = ?, entity_version = ?, deleted = false"
                + " WHERE device_id = ? IF entity_version < ?");
    assertThat(upsert.updateBinds())
        .containsExactly("steps", "battery", "@version", "device_id", "@version");
    assertThat(upsert.insert())
        .isEqualTo(
            "INSERT INTO ks.device_state (device_id, steps, battery, entity_version, deleted)"
                + " VALUES (?, ?, ?, ?, false) IF NOT EXISTS");
    assertThat(upsert.insertBinds()).containsExactly("device_id", "steps", "battery", "@version");
  }

  @Test
  void delete_keeps_a_versioned_tombstone_row_so_older_upserts_cannot_resurrect_it() {
    LwtStatements delete = statements("DeviceRetired", 0);

    assertThat(delete.update())
        .isEqualTo(
            "UPDATE ks.device_state SET deleted = true, entity_version = ?, steps = null, battery = null"
                + " WHERE device_id = ? IF entity_version < ?");
    assertThat(delete.insert())
        .isEqualTo(
            "INSERT INTO ks.device_state (device_id, entity_version, deleted) VALUES (?, ?, true) IF NOT EXISTS");
    assertThat(delete.insertBinds()).containsExactly("device_id", "@version");
  }

  @Test
  void insert_if_absent_has_no_update_and_no_version() {
    LwtStatements insert = statements("DeviceSynced", 1);

    assertThat(insert.versioned()).isFalse();
    assertThat(insert.insert())
        .isEqualTo("INSERT INTO ks.sync_history (device_id, event_id) VALUES (?, ?) IF NOT EXISTS");
  }
}
