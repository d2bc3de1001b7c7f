package io.lagline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads what a schema defines for a payload field, for checks made before any event arrives. */
final class SchemaFields {
  /** The JSON Schema type names. */
  static final Set<String> ALL_TYPES =
      Set.of("string", "integer", "number", "boolean", "object", "array", "null");

  private SchemaFields() {}

  /** The types allowed at {@code path} under {@code schema}; empty when it is not defined. */
  static Optional<Set<String>> types(JsonNode schema, List<String> path) {
    JsonNode node = schema;
    for (String name : path) {
      JsonNode property = node.path("properties").get(name);
      if (property == null) {
        return Optional.empty();
      }
      node = property;
    }
    return Optional.of(types(node));
  }

  private static Set<String> types(JsonNode node) {
    JsonNode type = node.get("type");
    if (type == null) {
      return ALL_TYPES;
    }
    Set<String> types = new LinkedHashSet<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return Set.copyOf(types);
  }
}
