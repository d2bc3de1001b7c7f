package io.lagline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Grafana dashboard JSON, read as panels and their Prometheus queries. */
record Dashboard(JsonNode json, List<Panel> panels) {

  /**
   * One visible panel (rows are flattened away).
   *
   * @param thresholds the absolute threshold values drawn on it (empty when none)
   */
  record Panel(
      String title,
      String type,
      String description,
      String datasourceUid,
      List<String> exprs,
      List<Double> thresholds) {}

  static Dashboard read(Path file) {
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      List<Panel> panels = new ArrayList<>();
      collect(json.path("panels"), panels);
      return new Dashboard(json, List.copyOf(panels));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard " + file, e);
    }
  }

  /** Names of the template variables. */
  List<String> variables() {
    List<String> names = new ArrayList<>();
    json.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }

  /** Every query of every panel. */
  List<String> exprs() {
    return panels.stream().flatMap(p -> p.exprs().stream()).toList();
  }

  Panel panel(String title) {
    return panels.stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no panel titled " + title));
  }

  private static void collect(JsonNode nodes, List<Panel> into) {
    for (JsonNode node : nodes) {
      if (node.path("type").asText().equals("row")) {
        collect(node.path("panels"), into);
        continue;
      }
      List<String> exprs = new ArrayList<>();
      node.path("targets").forEach(t -> exprs.add(t.path("expr").asText("")));
      List<Double> thresholds = new ArrayList<>();
      node.path("fieldConfig")
          .path("defaults")
          .path("thresholds")
          .path("steps")
          .forEach(
              step -> {
                if (step.path("value").isNumber()) {
                  thresholds.add(step.path("value").asDouble());
                }
              });
      into.add(
          new Panel(
              node.path("title").asText(),
              node.path("type").asText(),
              node.path("description").asText(""),
              node.path("datasource").path("uid").asText(""),
              List.copyOf(exprs),
              List.copyOf(thresholds)));
    }
  }
}
