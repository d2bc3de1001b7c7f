package io.lagline.reconciler.mapping;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one event type writes.
 *
 * @param eventType the {@code event_type} attribute this mapping handles
 * @param schemaVersions the payload schema versions accepted (sorted); others are unmappable
 * @param writes the table writes, in file order
 */
public record EventMapping(String eventType, Set<Integer> schemaVersions, List<TableWrite> writes) {
  public EventMapping {
    Objects.requireNonNull(eventType, "eventType");
    schemaVersions = Collections.unmodifiableSet(new TreeSet<>(schemaVersions));
    writes = List.copyOf(writes);
  }

  /** Whether events of this schema version are accepted. */
  public boolean accepts(int schemaVersion) {
    return schemaVersions.contains(schemaVersion);
  }
}
