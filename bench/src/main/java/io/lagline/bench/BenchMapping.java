package io.lagline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench's mapping: one event type upserting one versioned table, so one event is one
 * conditional write (two for an entity's first event: the update finds no row, the insert creates
 * it), the reconciler's common case.
 */
final class BenchMapping {
  static final String EVENT_TYPE = "EntityUpdated";
  static final String TABLE = "entity_state";

  static final String YAML =
      """
      events:
        - event-type: EntityUpdated
          schema-versions: [1]
          writes:
            - table: entity_state
              mode: upsert-if-newer
              partition-key: [entity_id]
              columns:
                entity_id: { from: entity_key, type: text }
                value:     { from: payload.value, type: bigint }
                pad:       { from: payload.pad, type: text, required: false }
      """;

  private BenchMapping() {}

  /** Writes {@code <dir>/bench-mapping.yaml}. */
  static Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("bench-mapping.yaml"), YAML);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bench mapping to " + dir, e);
    }
  }
}
