package io.lagline.producer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a new schema version is backward compatible with the version before it, for consumers of
 * either: every property of the previous version is still there with a type that accepts its
 * values, nothing newly required without a default, no enum value dropped, no object closed. Object
 * schemas are compared recursively through {@code properties}, {@code items} and {@code $defs};
 * {@code $ref}, {@code allOf}/{@code anyOf}/{@code oneOf} and conditionals are not followed. Pure.
 */
final class SchemaCompatibility {
  private static final List<String> CLOSING =
      List.of("additionalProperties", "unevaluatedProperties");

  private final String eventType;
  private final int version;
  private final List<Problem> problems = new ArrayList<>();

  private SchemaCompatibility(String eventType, int version) {
    this.eventType = eventType;
    this.version = version;
  }

  /** The problems of {@code next} (version {@code version}) against {@code previous}. */
  static List<Problem> check(String eventType, int version, JsonNode previous, JsonNode next) {
    SchemaCompatibility check = new SchemaCompatibility(eventType, version);
    check.compare("", previous, next);
    return List.copyOf(check.problems);
  }

  private void compare(String pointer, JsonNode before, JsonNode after) {
    if (!before.isObject() || !after.isObject()) {
      return;
    }
    compareTypes(pointer, before, after);
    compareEnums(pointer, before, after);
    compareNamed(pointer, "properties", before, after, true);
    compareNamed(pointer, "$defs", before, after, false);
    compareRequired(pointer, before, after);
    for (String keyword : CLOSING) {
      compareClosing(pointer, keyword, before, after);
    }
    if (before.has("items") && after.has("items")) {
      compare(pointer + "/items", before.get("items"), after.get("items"));
    }
  }

  private void compareTypes(String pointer, JsonNode before, JsonNode after) {
    Set<String> was = types(before);
    Set<String> is = types(after);
    if (is == null) {
      return;
    }
    boolean accepted =
        was != null
            && was.stream()
                .allMatch(t -> is.contains(t) || (t.equals("integer") && is.contains("number")));
    if (!accepted) {
      String from = was == null ? "any" : shown(was);
      add(pointer, "type changed from " + from + " to " + shown(is), Rule.NO_RETYPED_FIELD);
    }
  }

  private void compareEnums(String pointer, JsonNode before, JsonNode after) {
    JsonNode was = before.get("enum");
    JsonNode is = after.get("enum");
    if (is == null || !is.isArray()) {
      return;
    }
    if (was == null || !was.isArray()) {
      add(pointer, "enum added: only " + is + " allowed", Rule.NO_NARROWED_ENUM);
      return;
    }
    List<String> dropped = new ArrayList<>();
    for (JsonNode value : was) {
      boolean kept = false;
      for (JsonNode other : is) {
        kept |= other.equals(value);
      }
      if (!kept) {
        dropped.add(value.toString());
      }
    }
    if (!dropped.isEmpty()) {
      add(
          pointer,
          "enum narrowed: " + String.join(", ", dropped) + " removed",
          Rule.NO_NARROWED_ENUM);
    }
  }

  /** Each name of {@code keyword} in {@code before} is kept (if a field) and compared. */
  private void compareNamed(
      String pointer, String keyword, JsonNode before, JsonNode after, boolean fields) {
    JsonNode was = before.path(keyword);
    JsonNode is = after.path(keyword);
    for (Map.Entry<String, JsonNode> named : was.properties()) {
      String child = pointer + "/" + keyword + "/" + SchemaTrees.escape(named.getKey());
      JsonNode next = is.get(named.getKey());
      if (next != null) {
        compare(child, named.getValue(), next);
      } else if (fields) {
        add(child, "property removed", Rule.NO_REMOVED_FIELD);
      }
    }
  }

  private void compareRequired(String pointer, JsonNode before, JsonNode after) {
    Set<String> was = names(before.path("required"));
    for (String name : names(after.path("required"))) {
      if (!was.contains(name) && !after.path("properties").path(name).has("default")) {
        String child = pointer + "/properties/" + SchemaTrees.escape(name);
        add(child, "newly required without a default", Rule.NO_NEW_REQUIRED_FIELD);
      }
    }
  }

  private void compareClosing(String pointer, String keyword, JsonNode before, JsonNode after) {
    JsonNode was = before.get(keyword);
    JsonNode is = after.get(keyword);
    if (is == null || !is.isBoolean() || is.booleanValue()) {
      return;
    }
    if (was == null || !was.isBoolean() || was.booleanValue()) {
      String from = was == null ? "absent" : was.isBoolean() ? "true" : "a schema";
      add(pointer, keyword + ": false added (was " + from + ")", Rule.NO_CLOSED_OBJECT);
    }
  }

  /** The names {@code type} allows, null when it is absent (any type). */
  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return null;
    }
    return type.isArray() ? names(type) : Set.of(type.asText());
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(item -> names.add(item.asText()));
    return names;
  }

  private static String shown(Set<String> types) {
    return types.size() == 1
        ? types.iterator().next()
        : types.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  private void add(String pointer, String message, Rule rule) {
    problems.add(new Problem(eventType, version, pointer, message, rule));
  }
}
