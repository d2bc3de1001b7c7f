package io.lagline.reconciler.apply;

import java.util.List;

/**
 * The confirmed result of applying one event: every mapped row was written durably.
 *
 * @param outcome the outcome of the event's primary (first) write, which the event is counted by
 * @param rows the outcome of each write, in mapping order
 * @param tables the table of each write, in mapping order
 * @param heldVersion the entity version the primary row holds now: the event's own for applied and
 *     duplicate, a newer one for stale and superseded
 */
public record EventResult(
    WriteOutcome outcome, List<WriteOutcome> rows, List<String> tables, long heldVersion) {
  public EventResult {
    rows = List.copyOf(rows);
    tables = List.copyOf(tables);
  }

  /** The same writes answered with {@code other} (a coalesced member's outcome). */
  EventResult answeredAs(WriteOutcome other) {
    return new EventResult(other, rows.stream().map(r -> other).toList(), tables, heldVersion);
  }
}
