package io.lagline.reconciler;

import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;

/** The mapping the reconciler's tests share: all three write modes over two tables. */
public final class TestMappings {
  /** Versioned device state, an append-only sync history, and versioned deletes. */
  public static final String DEVICES_YAML =
      """
      events:
        - event-type: DeviceSynced
          schema-versions: [1, 2]
          writes:
            - table: device_state
              mode: upsert-if-newer
              partition-key: [device_id]
              columns:
                device_id: { from: entity_key, type: text }
                steps: { from: payload.steps, type: int }
                heart_rate: { from: payload.heart_rate, type: int, required: false }
                synced_at: { from: occurred_at, type: timestamp }
            - table: sync_history
              mode: insert-if-absent
              partition-key: [device_id]
              clustering-key: [event_id]
              columns:
                device_id: { from: entity_key, type: text }
                event_id: { from: event_id, type: text }
                steps: { from: payload.steps, type: int }
        - event-type: DeviceRetired
          schema-versions: [1]
          writes:
            - table: device_state
              mode: delete-if-newer
              partition-key: [device_id]
              columns:
                device_id: { from: entity_key, type: text }
      """;

  /** {@link #DEVICES_YAML}, parsed. */
  public static final Mapping DEVICES =
      MappingLoader.parse(DEVICES_YAML, "TestMappings.DEVICES_YAML");

  /** One upsert-if-newer table only: events that may coalesce. */
  public static final String STATE_ONLY_YAML =
      """
          events:
            - event-type: DeviceState
              schema-versions: [1]
              writes:
                - table: device_state
                  mode: upsert-if-newer
                  partition-key: [device_id]
                  columns:
                    device_id: { from: entity_key, type: text }
                    steps: { from: payload.steps, type: int }
          """;

  /** {@link #STATE_ONLY_YAML}, parsed. */
  public static final Mapping STATE_ONLY =
      MappingLoader.parse(STATE_ONLY_YAML, "TestMappings.STATE_ONLY_YAML");

  private TestMappings() {}
}
