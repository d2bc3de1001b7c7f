package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Collects the problems of one mapping file while it is read, each naming its path (e.g. {@code
 * events[0].writes[1].columns.steps.type}), value and rule, and reads typed fields without
 * throwing.
 */
final class Problems {
  private static final int SHOWN_CHARACTERS = 120;

  private final String source;
  private final List<ConfigProblem> problems = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void add(String key, String value, String rule) {
    problems.add(new ConfigProblem(key, value, rule, source));
  }

  void add(String key, JsonNode value, String rule) {
    add(key, shown(value), rule);
  }

  int count() {
    return problems.size();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** Reports every key of an object that is not allowed, e.g. a typo. */
  void unknownKeys(JsonNode object, String path, List<String> allowed) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        add(
            path(path, name),
            object.get(name),
            "is not a known key; allowed: " + String.join(", ", allowed));
      }
    }
  }

  /** A string field; null (and a problem when required) when missing, null or not a string. */
  String text(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = present(parent, field, path, required);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      add(path(path, field), node, "must be a string");
      return null;
    }
    return node.textValue();
  }

  /**
   * A non-empty sequence; null (and a problem when required) when missing, empty or not a sequence.
   */
  JsonNode list(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = present(parent, field, path, required);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      add(path(path, field), node, "must be a list");
      return null;
    }
    return node;
  }

  /** A mapping; null (and a problem when required) when missing or not a mapping. */
  JsonNode object(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = present(parent, field, path, required);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      add(path(path, field), node, "must be a mapping");
      return null;
    }
    return node;
  }

  private JsonNode present(JsonNode parent, String field, String path, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        add(path(path, field), (String) null, "is required");
      }
      return null;
    }
    return node;
  }

  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String shown(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "...";
  }
}
