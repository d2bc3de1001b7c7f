package io.lagline.faults;

import java.util.Map;
import java.util.TreeMap;

/**
 * The row writes of a scenario that had at least one attempt of unknown fate (a CAS write timeout,
 * an unknown CAS result or a client timeout) before the reconciler learnt their outcome, from the
 * audit trail. The re-issued conditional write tells what had happened:
 *
 * @param total writes that were ambiguous at least once
 * @param landed the re-issue found the event's version already there: an earlier attempt (or
 *     another delivery) had been accepted, so it counts as applied once
 * @param reapplied the re-issue's condition held: no earlier attempt had been accepted, and this
 *     one was
 * @param stale the re-issue found a newer version: the event was superseded either way
 * @param reasons the first ambiguous attempt's reason of each write, counted
 */
record Ambiguity(long total, long landed, long reapplied, long stale, Map<String, Long> reasons) {
  /** No ambiguous write. */
  static final Ambiguity NONE = new Ambiguity(0, 0, 0, 0, Map.of());

  Ambiguity {
    reasons = Map.copyOf(reasons);
  }

  /** The table cell, e.g. {@code 12: 9 landed, 3 re-applied (cas_unknown 7, client_timeout 5)}. */
  String cell() {
    if (total == 0) {
      return "0";
    }
    StringBuilder cell = new StringBuilder().append(total).append(": ");
    cell.append(landed).append(" landed, ").append(reapplied).append(" re-applied");
    if (stale > 0) {
      cell.append(", ").append(stale).append(" stale");
    }
    cell.append(" (");
    new TreeMap<>(reasons)
        .forEach((reason, n) -> cell.append(reason).append(' ').append(n).append(", "));
    cell.setLength(cell.length() - 2);
    return cell.append(')').toString();
  }

  /** Counts as the audit trail is read. */
  static final class Counter {
    private long landed;
    private long reapplied;
    private long stale;
    private final Map<String, Long> reasons = new TreeMap<>();

    /**
     * One write confirmed after an ambiguous attempt.
     *
     * @param outcome Cassandra's answer to the re-issue: applied, duplicate or stale
     * @param reason the first ambiguous attempt's reason, {@code -} when the line has none
     */
    void add(String outcome, String reason) {
      switch (outcome) {
        case "applied" -> reapplied++;
        case "duplicate" -> landed++;
        default -> stale++;
      }
      reasons.merge(reason, 1L, Long::sum);
    }

    Ambiguity snapshot() {
      return new Ambiguity(landed + reapplied + stale, landed, reapplied, stale, reasons);
    }
  }
}
