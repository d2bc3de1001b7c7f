package io.lagline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the configuration reference, a Markdown table, from declared {@link ConfigKey keys}: the
 * README's tables are compared with it by test, so a key, a default or a rule cannot drift from the
 * code.
 */
public final class ConfigReference {
  /** The columns of {@link #table(List)}. */
  public static final List<String> COLUMNS = List.of("key", "default", "rule", "meaning");

  private ConfigReference() {}

  /** One row per key, in order: key, default, rule, meaning. */
  public static String table(List<? extends ConfigKey> keys) {
    return table(COLUMNS, keys.stream().map(ConfigReference::cells).toList());
  }

  /** The cells {@link #table(List)} shows for {@code key}. */
  public static List<String> cells(ConfigKey key) {
    return List.of(
        key.paths().stream().map(p -> "`" + p + "`").collect(Collectors.joining(" / ")),
        key.rule().defaultText(),
        key.rule().describe(),
        key.doc());
  }

  /** A Markdown table of the given header and rows ({@code |} in a cell is escaped). */
  public static String table(List<String> header, List<List<String>> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(row(header));
    lines.add(row(header.stream().map(h -> "---").toList()));
    rows.forEach(r -> lines.add(row(r)));
    return String.join("\n", lines) + "\n";
  }

  /**
   * The first Markdown table after {@code heading} in {@code markdown}: its consecutive lines that
   * start with {@code |}.
   *
   * @throws IllegalArgumentException when the heading or a table after it is missing
   */
  public static String tableAfter(String markdown, String heading) {
    int at = markdown.indexOf("\n" + heading + "\n");
    if (at < 0) {
      throw new IllegalArgumentException("no heading '" + heading + "'");
    }
    List<String> table = new ArrayList<>();
    for (String line : markdown.substring(at + 1).split("\n", -1)) {
      if (line.startsWith("|")) {
        table.add(line);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    if (table.isEmpty()) {
      throw new IllegalArgumentException("no table after '" + heading + "'");
    }
    return String.join("\n", table) + "\n";
  }

  private static String row(List<String> cells) {
    return cells.stream()
        .map(c -> c.replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |"));
  }
}
