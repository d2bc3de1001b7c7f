package io.lagline.reconciler.mapping;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One column a write fills.
 *
 * @param column the CQL column name
 * @param type the column's CQL type; the value is converted to its Java type
 * @param from where the value comes from: an envelope attribute ({@code entity_key}), {@code
 *     payload}, {@code payload.<dotted.path>} or {@code attribute.<name>}
 * @param required whether a missing or null value makes the event unmappable (else it binds null);
 *     key columns are always required
 */
public record ColumnMapping(String column, CqlType type, String from, boolean required) {
  public ColumnMapping {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Source.parse(Objects.requireNonNull(from, "from"));
  }

  /** Parsed once per distinct {@code from}: binding runs for every event. */
  private static final Map<String, Source> PARSED = new ConcurrentHashMap<>();

  Source source() {
    return PARSED.computeIfAbsent(from, Source::parse);
  }
}
