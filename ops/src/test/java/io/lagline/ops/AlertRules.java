package io.lagline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Prometheus alerting rules file, read as a list of rules. */
final class AlertRules {
  private AlertRules() {}

  /** One alerting rule. */
  record Rule(
      String name,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  static List<Rule> read(Path file) {
    JsonNode root = yaml(file);
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(
            new Rule(
                rule.path("alert").asText(),
                rule.path("expr").asText(),
                rule.path("for").asText(""),
                strings(rule.path("labels")),
                strings(rule.path("annotations"))));
      }
    }
    return List.copyOf(rules);
  }

  static JsonNode yaml(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
