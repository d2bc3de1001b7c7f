package io.lagline.reconciler.apply;

import java.util.List;

/**
 * The confirmed result of applying one event: every mapped row was written durably.
 *
 * @param outcome the outcome of the event's primary (first) write, which the event is counted by
 * @param rows the outcome of each write, in mapping order
 */
public record EventResult(WriteOutcome outcome, List<WriteOutcome> rows) {
  public EventResult {
    rows = List.copyOf(rows);
  }
}
