package io.lagline.producer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schemas as JSON trees: the same schema without its annotations, the pointers where two trees
 * differ. Pure functions.
 */
final class SchemaTrees {
  /** Keywords that only document: changing them changes no instance's validity. */
  static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "$comment");

  /** Keywords whose object maps names (of properties, definitions) to schemas. */
  private static final Set<String> NAME_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  /** Keywords whose values are instances or names, never schemas: kept verbatim. */
  private static final Set<String> LITERALS =
      Set.of("enum", "const", "default", "required", "dependentRequired");

  private static final int SHOWN = 60;

  private SchemaTrees() {}

  /** One place two trees differ. */
  record Difference(String pointer, String message) {}

  /**
   * {@code schema} without annotation keywords at any depth; a property or definition that happens
   * to be named like one ({@code properties/title}) is kept.
   */
  static JsonNode withoutAnnotations(JsonNode schema) {
    if (schema.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      schema.forEach(item -> copy.add(withoutAnnotations(item)));
      return copy;
    }
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (ANNOTATIONS.contains(key)) {
        continue;
      }
      if (LITERALS.contains(key)) {
        copy.set(key, value);
      } else if (NAME_MAPS.contains(key) && value.isObject()) {
        ObjectNode names = copy.putObject(key);
        value.properties().forEach(e -> names.set(e.getKey(), withoutAnnotations(e.getValue())));
      } else {
        copy.set(key, withoutAnnotations(value));
      }
    }
    return copy;
  }

  /**
   * Where {@code after} differs from {@code before}, key order aside: each key added or removed,
   * each other value changed (arrays as a whole), in document order.
   */
  static List<Difference> differences(JsonNode before, JsonNode after) {
    List<Difference> found = new ArrayList<>();
    diff("", before, after, found);
    return found;
  }

  private static void diff(String pointer, JsonNode before, JsonNode after, List<Difference> out) {
    if (before.equals(after)) {
      return;
    }
    if (!before.isObject() || !after.isObject()) {
      out.add(new Difference(pointer, "changed from " + shown(before) + " to " + shown(after)));
      return;
    }
    for (Map.Entry<String, JsonNode> field : before.properties()) {
      String child = pointer + "/" + escape(field.getKey());
      JsonNode next = after.get(field.getKey());
      if (next == null) {
        out.add(new Difference(child, "removed (was " + shown(field.getValue()) + ")"));
      } else {
        diff(child, field.getValue(), next, out);
      }
    }
    for (Map.Entry<String, JsonNode> field : after.properties()) {
      if (!before.has(field.getKey())) {
        String child = pointer + "/" + escape(field.getKey());
        out.add(new Difference(child, "added (" + shown(field.getValue()) + ")"));
      }
    }
  }

  /** A JSON value for a message, cut short when long. */
  static String shown(JsonNode value) {
    String text = value.isTextual() ? value.textValue() : value.toString();
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
  }

  /**
   * A name as one reference token of a JSON pointer (RFC 6901): {@code ~} and {@code /} escaped.
   */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
