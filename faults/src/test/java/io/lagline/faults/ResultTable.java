package io.lagline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault table: one row per scenario run in this JVM (the suite and the graceful-shutdown test
 * share it), printed as Markdown and written to {@code target/fault-table.md}.
 */
final class ResultTable {
  static final String HEADER =
      "| scenario | events | publishes | faults injected | lost | double-applied"
          + " | good dead-lettered | poison dead-lettered |";
  static final String RULE = "|---|---:|---:|---|---:|---:|---:|---:|";

  private static final List<ScenarioResult> ROWS = new ArrayList<>();

  private ResultTable() {}

  /** Adds a scenario's row and prints it. */
  static synchronized void add(ScenarioResult result) {
    ROWS.add(result);
    System.out.println(result.row() + "  (" + result.took().toSeconds() + " s)");
  }

  /** The table of every row so far. */
  static synchronized String markdown() {
    return render(ROWS);
  }

  static String render(List<ScenarioResult> rows) {
    StringBuilder table = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
    rows.forEach(row -> table.append(row.row()).append('\n'));
    return table.toString();
  }

  /** Prints the table and writes it to {@code file}. */
  static synchronized void publish(Path file) {
    String table = markdown();
    System.out.println("\nFault-injection results:\n" + table);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
