package io.lagline.faults;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * What one scenario did and how the reconciler came out of it: one row of the fault table.
 *
 * @param scenario short name, e.g. {@code b. kill -9 mid-stream}
 * @param events distinct good events plus poison messages
 * @param publishes messages published
 * @param faults what was injected, e.g. {@code kill -9 ×3}
 * @param lost read-back mismatches: devices not at their newest version (or not deleted), history
 *     rows missing or extra
 * @param doubleApplied (event, table) writes Cassandra accepted more than once
 * @param goodDeadLettered dead-lettered messages whose event id is a good event
 * @param poisonDeadLettered distinct poison ids found on the dead-letter topic with the expected
 *     reason
 * @param poison poison messages published
 * @param problems details behind non-zero counts, for the failure message
 * @param took from the first publish to the end of the checks
 * @param ambiguity the row writes that had an attempt of unknown fate, and how they were resolved
 * @param cluster the scenario ran on the three-node cluster (its table has an ambiguity column)
 */
record ScenarioResult(
    String scenario,
    int events,
    int publishes,
    String faults,
    long lost,
    long doubleApplied,
    long goodDeadLettered,
    long poisonDeadLettered,
    int poison,
    List<String> problems,
    Duration took,
    Ambiguity ambiguity,
    boolean cluster) {
  ScenarioResult {
    problems = List.copyOf(problems);
  }

  /** A single-node scenario's result, without an ambiguity count. */
  ScenarioResult(
      String scenario,
      int events,
      int publishes,
      String faults,
      long lost,
      long doubleApplied,
      long goodDeadLettered,
      long poisonDeadLettered,
      int poison,
      List<String> problems,
      Duration took) {
    this(
        scenario,
        events,
        publishes,
        faults,
        lost,
        doubleApplied,
        goodDeadLettered,
        poisonDeadLettered,
        poison,
        problems,
        took,
        Ambiguity.NONE,
        false);
  }

  /**
   * The scenario's row of the Markdown table; a cluster scenario's ends with its ambiguous writes.
   */
  String row() {
    String row = baseRow();
    return cluster ? row + " " + ambiguity.cell() + " |" : row;
  }

  private String baseRow() {
    return String.format(
        "| %s | %d | %d | %s | %d | %d | %d | %d/%d |",
        scenario,
        events,
        publishes,
        faults,
        lost,
        doubleApplied,
        goodDeadLettered,
        poisonDeadLettered,
        poison);
  }

  /**
   * The suite's four guarantees: nothing lost, nothing applied twice, no good event dead-lettered,
   * every poison message dead-lettered with its reason.
   */
  void checkGuarantees(SoftAssertions soft) {
    soft.assertThat(lost).as("%s: lost%s", scenario, details(null)).isZero();
    soft.assertThat(doubleApplied)
        .as("%s: double-applied%s", scenario, details("double-applied"))
        .isZero();
    soft.assertThat(goodDeadLettered)
        .as("%s: good dead-lettered%s", scenario, details("good event"))
        .isZero();
    soft.assertThat(poisonDeadLettered)
        .as("%s: poison dead-lettered with the expected reason%s", scenario, details("poison"))
        .isEqualTo(poison);
  }

  /** The problems starting with {@code prefix}; null: the read-back's (no known prefix). */
  private String details(String prefix) {
    List<String> lines =
        problems.stream()
            .filter(
                p ->
                    prefix != null
                        ? p.startsWith(prefix)
                        : !p.startsWith("double-applied")
                            && !p.startsWith("good event")
                            && !p.startsWith("poison"))
            .toList();
    return lines.isEmpty() ? "" : "\n  " + String.join("\n  ", lines);
  }
}
