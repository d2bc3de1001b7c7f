package io.lagline.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault table: one row per scenario run in this JVM, printed as Markdown and written to {@code
 * fault-table.md}, with the same rows as JSON in {@code fault-summary.json}. The single-node suite
 * and the cluster suite each publish their own rows; the cluster's table has one more column, the
 * writes that were ambiguous and how they were resolved.
 */
final class ResultTable {
  static final String HEADER =
      "| scenario | events | publishes | faults injected | lost | double-applied"
          + " | good dead-lettered | poison dead-lettered |";
  static final String RULE = "|---|---:|---:|---|---:|---:|---:|---:|";
  static final String CLUSTER_HEADER = HEADER + " ambiguous writes: resolved as |";
  static final String CLUSTER_RULE = RULE + "---|";

  /** Next to the table: every row as JSON. */
  static final String SUMMARY_FILE = "fault-summary.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final List<ScenarioResult> ROWS = new ArrayList<>();

  private ResultTable() {}

  /** Adds a scenario's row and prints it. */
  static synchronized void add(ScenarioResult result) {
    ROWS.add(result);
    System.out.println(result.row() + "  (" + result.took().toSeconds() + " s)");
  }

  /** The rows so far of the single-node suite, or of the cluster suite. */
  static synchronized List<ScenarioResult> rows(boolean cluster) {
    return ROWS.stream().filter(row -> row.cluster() == cluster).toList();
  }

  /** The Markdown table of {@code rows}, all single-node or all cluster. */
  static String render(List<ScenarioResult> rows) {
    boolean cluster = !rows.isEmpty() && rows.get(0).cluster();
    StringBuilder table =
        new StringBuilder(cluster ? CLUSTER_HEADER : HEADER)
            .append('\n')
            .append(cluster ? CLUSTER_RULE : RULE)
            .append('\n');
    rows.forEach(row -> table.append(row.row()).append('\n'));
    return table.toString();
  }

  /** {@code rows} as the JSON array of {@value #SUMMARY_FILE}. */
  static String summary(List<ScenarioResult> rows) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (ScenarioResult row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("scenario", row.scenario());
      entry.put("cluster", row.cluster());
      entry.put("events", row.events());
      entry.put("publishes", row.publishes());
      entry.put("faults", row.faults());
      entry.put("lost", row.lost());
      entry.put("double_applied", row.doubleApplied());
      entry.put("good_dead_lettered", row.goodDeadLettered());
      entry.put("poison_dead_lettered", row.poisonDeadLettered());
      entry.put("poison", row.poison());
      Ambiguity ambiguity = row.ambiguity();
      Map<String, Object> ambiguous = new LinkedHashMap<>();
      ambiguous.put("total", ambiguity.total());
      ambiguous.put("landed", ambiguity.landed());
      ambiguous.put("reapplied", ambiguity.reapplied());
      ambiguous.put("stale", ambiguity.stale());
      ambiguous.put("first_reason", new TreeMap<>(ambiguity.reasons()));
      entry.put("ambiguous_writes", ambiguous);
      entry.put("seconds", row.took().toSeconds());
      entry.put("problems", row.problems());
      json.add(entry);
    }
    try {
      return JSON.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the fault summary", e);
    }
  }

  /**
   * Prints the table of the single-node or the cluster rows and writes it to {@code file}, with
   * {@value #SUMMARY_FILE} beside it.
   */
  static synchronized void publish(Path file, boolean cluster) {
    List<ScenarioResult> rows = rows(cluster);
    String table = render(rows);
    System.out.println(
        "\n" + (cluster ? "Cluster fault" : "Fault") + "-injection results:\n" + table);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table);
      Files.writeString(file.resolveSibling(SUMMARY_FILE), summary(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
