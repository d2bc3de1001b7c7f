package io.lagline.event;

import java.util.Objects;

/**
 * One broken rule of the event contract.
 *
 * @param field the attribute or payload field at fault (e.g. {@code entity_version}, {@code data})
 * @param rule what the field must be, in words a caller can act on
 */
public record Violation(String field, String rule) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return field + ": " + rule;
  }
}
