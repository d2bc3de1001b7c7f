package io.lagline.reconciler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.reconciler.TestMappings;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Mapping#only(Set)}: what {@code rebuild --tables} writes. */
class MappingOnlyTest {
  private final Mapping full = TestMappings.DEVICES.withHeartbeat();

  @Test
  void keeps_every_event_type_but_only_the_writes_to_the_named_tables() {
    Mapping only = full.only(Set.of("sync_history"));

    assertThat(only.eventTypes()).isEqualTo(full.eventTypes());
    assertThat(only.tables()).extracting(TableSchema::name).containsExactly("sync_history");
    assertThat(only.forType("DeviceSynced").orElseThrow().writes())
        .extracting(TableWrite::table)
        .containsExactly("sync_history");
    assertThat(only.typesWithoutWrites())
        .contains("lagline.heartbeat")
        .doesNotContain("DeviceSynced");
  }

  @Test
  void the_full_mapping_has_no_type_without_writes() {
    assertThat(full.typesWithoutWrites()).isEmpty();
  }

  @Test
  void an_unknown_table_is_refused_naming_it_and_the_mapped_ones() {
    assertThatThrownBy(() -> full.only(Set.of("sync_history", "device_stats")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device_stats")
        .hasMessageContaining("mapped tables: device_state, sync_history, lagline_heartbeats");
  }
}
