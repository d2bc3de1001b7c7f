package io.lagline.reconciler.mapping;

import io.lagline.error.LaglineException;
import java.util.List;
import java.util.Objects;

/**
 * The mapping reads a payload field that a payload schema of an accepted version does not define,
 * or defines with a JSON type its column cannot take: found at start-up, before any event. One line
 * per mismatch.
 */
public final class ContractMismatchException extends LaglineException {
  private static final long serialVersionUID = 1L;

  /**
   * One mapped column at odds with one schema.
   *
   * @param eventType the mapped event type
   * @param schemaVersion an accepted schema version of it
   * @param field the column's source, e.g. {@code payload.battery.level}
   * @param table the table written
   * @param column the column written
   * @param rule what is wrong
   */
  public record Mismatch(
      String eventType, int schemaVersion, String field, String table, String column, String rule) {
    public Mismatch {
      Objects.requireNonNull(eventType, "eventType");
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
      return eventType
          + " v"
          + schemaVersion
          + " "
          + field
          + " -> "
          + table
          + "."
          + column
          + ": "
          + rule;
    }
  }

  private final transient List<Mismatch> mismatches;

  public ContractMismatchException(String contracts, List<Mismatch> mismatches) {
    super(
        "the mapping does not match the payload schemas in "
            + contracts
            + ":\n  "
            + String.join("\n  ", mismatches.stream().map(Mismatch::toString).toList()));
    this.mismatches = List.copyOf(mismatches);
  }

  /** Every mismatch found. */
  public List<Mismatch> mismatches() {
    return mismatches;
  }
}
