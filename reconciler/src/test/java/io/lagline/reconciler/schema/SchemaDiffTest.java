package io.lagline.reconciler.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.error.LaglineException;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.mapping.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static final TableSchema DEVICE_STATE =
      TestMappings.DEVICES.table("device_state").orElseThrow();

  private static Map<String, String> existing(String... nameTypePairs) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      columns.put(nameTypePairs[i], nameTypePairs[i + 1]);
    }
    return columns;
  }

  @Test
  void a_table_that_fits_needs_nothing() {
    Map<String, String> columns = new LinkedHashMap<>();
    DEVICE_STATE.columns().forEach(c -> columns.put(c.name(), c.type().cql()));

    assertThat(SchemaDiff.alterations("ks", DEVICE_STATE, columns, List.of("device_id"))).isEmpty();
  }

  @Test
  void adds_the_columns_a_grown_mapping_needs() {
    Map<String, String> columns =
        existing("device_id", "text", "steps", "int", "entity_version", "bigint");

    assertThat(SchemaDiff.alterations("ks", DEVICE_STATE, columns, List.of("device_id")))
        .containsExactly(
            "ALTER TABLE ks.device_state ADD heart_rate int",
            "ALTER TABLE ks.device_state ADD synced_at timestamp",
            "ALTER TABLE ks.device_state ADD deleted boolean");
  }

  @Test
  void refuses_a_different_primary_key_or_column_type_naming_both() {
    Map<String, String> columns = existing("device_id", "text", "steps", "bigint");

    assertThatThrownBy(
            () -> SchemaDiff.alterations("ks", DEVICE_STATE, columns, List.of("device_id", "day")))
        .isInstanceOf(LaglineException.class)
        .hasMessageContaining("table ks.device_state does not fit the mapping")
        .hasMessageContaining("primary key is [device_id, day]")
        .hasMessageContaining("column steps is bigint but the mapping needs int");
  }
}
