package io.lagline.reconciler.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How one event is written to one table. */
public enum WriteMode {
  /**
   * Versioned entity state: the row keeps the entity's version; the write applies only when the
   * event is newer (equal is a duplicate, older is stale). A row that does not exist yet is
   * created.
   */
  UPSERT_IF_NEWER,
  /** Immutable facts: {@code INSERT ... IF NOT EXISTS}; an existing row is a duplicate. */
  INSERT_IF_ABSENT,
  /**
   * A versioned delete (a tombstone row) that a later re-delivery of an older upsert cannot
   * resurrect.
   */
  DELETE_IF_NEWER;

  /** The name used in the mapping file, e.g. {@code upsert-if-newer}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True when the write compares the event's entity version with the row's (upsert and delete). */
  public boolean versioned() {
    return this != INSERT_IF_ABSENT;
  }

  /** The mode with this {@link #yamlName()}, if any. */
  public static Optional<WriteMode> fromYaml(String name) {
    return Arrays.stream(values()).filter(m -> m.yamlName().equals(name)).findFirst();
  }
}
