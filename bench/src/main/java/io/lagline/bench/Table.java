package io.lagline.bench;

import java.util.Locale;
import java.util.Map;

/** Renders a run's results as the three Markdown tables {@code bin/bench} prints. */
final class Table {
  /** What each of {@link BenchResults#notifications()} compares, for its row. */
  private static final Map<String, String> NOTIFICATION_LABELS =
      Map.of(
          "drain_ratio", "loopback drain: events/s",
          "steady50_cpu_ratio", "steady 50%: reconciler CPU s",
          "steady50_visible_lag_p99_ratio", "steady 50%: lag p99 a reader sees",
          "steady80_cpu_ratio", "steady 80%: reconciler CPU s",
          "steady80_visible_lag_p99_ratio", "steady 80%: lag p99 a reader sees");

  private Table() {}

  /**
   * The scenario table, the ratio/target table and what notifications cost (on/off ratios), one
   * after the other.
   */
  static String render(BenchResults results) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| scenario | events | events/s | lag p50 ms | lag p99 ms | lag max ms | CPU s (avg cores)"
            + " | peak RSS MB | notes |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (ScenarioResult row : results.rows()) {
      md.append("| ")
          .append(row.name())
          .append(" | ")
          .append(row.events())
          .append(" | ")
          .append(number(row.eventsPerSecond()))
          .append(" | ")
          .append(number(row.lagP50Ms()))
          .append(" | ")
          .append(number(row.lagP99Ms()))
          .append(" | ")
          .append(number(row.lagMaxMs()))
          .append(" | ")
          .append(cpu(row))
          .append(" | ")
          .append(number(row.peakRssMb()))
          .append(" | ")
          .append(row.notes().replace("|", "/"))
          .append(" |\n");
    }
    md.append('\n');
    md.append("| target | measured | rule | result |\n");
    md.append("|---|---:|---|---|\n");
    for (Target target : results.targets()) {
      md.append("| ")
          .append(target.what())
          .append(" | ")
          .append(number(target.value()))
          .append(" | ")
          .append(target.rule())
          .append(" | ")
          .append(Double.isNaN(target.value()) ? "not measured" : target.met() ? "met" : "missed")
          .append(" |\n");
    }
    md.append('\n');
    md.append("| notifications on / off | ratio |\n");
    md.append("|---|---:|\n");
    results
        .notifications()
        .forEach(
            (key, value) ->
                md.append("| ")
                    .append(NOTIFICATION_LABELS.getOrDefault(key, key))
                    .append(" (`")
                    .append(key)
                    .append("`) | ")
                    .append(number(value))
                    .append(" |\n"));
    return md.toString();
  }

  /**
   * A figure for the table: "-" for NaN, no decimals from 100 up, two significant decimals below.
   */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "-";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String cpu(ScenarioResult row) {
    if (Double.isNaN(row.cpuSeconds()) || row.cpuSeconds() <= 0) {
      return "-";
    }
    return number(row.cpuSeconds()) + " (" + number(row.averageCores()) + ")";
  }
}
