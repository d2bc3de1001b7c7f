package io.lagline.reconciler.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values one event gives one table write, ready for the driver.
 *
 * @param write the write the values are for
 * @param values column name to converted value (the Java type of the column's {@link CqlType}), in
 *     the order of the write's columns; an optional value that is absent maps to null
 */
public record BoundRow(TableWrite write, Map<String, Object> values) {
  public BoundRow {
    Objects.requireNonNull(write, "write");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The table written. */
  public String table() {
    return write.table();
  }

  /** The value of one column; null when absent, or when the column is not part of the write. */
  public Object value(String column) {
    return values.get(column);
  }
}
