package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableWrite;
import org.junit.jupiter.api.Test;

class LwtStatementsTest {
  private static final Mapping MAPPING = TestMappings.DEVICES;

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
            "UPDATE ks.device_state SET steps = ?, heart_rate = ?, synced_at = ?, entity_version = ?,"
                + " deleted = false"
                + " WHERE device_id = ? IF entity_version < ?");
    assertThat(upsert.updateBinds())
        .containsExactly("steps", "heart_rate", "synced_at", "@version", "device_id", "@version");
    assertThat(upsert.insert())
        .isEqualTo(
            "INSERT INTO ks.device_state (device_id, steps, heart_rate, synced_at, entity_version,"
                + " deleted) VALUES (?, ?, ?, ?, ?, false) IF NOT EXISTS");
    assertThat(upsert.insertBinds())
        .containsExactly("device_id", "steps", "heart_rate", "synced_at", "@version");
  }

  @Test
  void delete_keeps_a_versioned_tombstone_row_so_older_upserts_cannot_resurrect_it() {
    LwtStatements delete = statements("DeviceRetired", 0);

    assertThat(delete.update())
        .isEqualTo(
            "UPDATE ks.device_state SET deleted = true, entity_version = ?, steps = null,"
                + " heart_rate = null, synced_at = null"
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
        .isEqualTo(
            "INSERT INTO ks.sync_history (device_id, event_id, steps) VALUES (?, ?, ?) IF NOT EXISTS");
  }
}
