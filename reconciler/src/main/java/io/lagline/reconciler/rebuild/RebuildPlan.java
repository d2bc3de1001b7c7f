package io.lagline.reconciler.rebuild;

import java.time.Instant;
import java.util.Set;

/**
 * What one rebuild does, every option resolved and checked.
 *
 * @param since where the replay starts: its sought time, or (with a snapshot) the time the rebuild
 *     started, for the progress share only
 * @param snapshot the full name of the snapshot sought to, or null to seek to {@code since}
 * @param until messages published after this are left to the running reconcilers
 * @param tables the tables written; empty for every table of the mapping
 * @param typesWithoutWrites event types that write none of {@code tables}: acked unwritten
 * @param keyspace where the rows go
 * @param createKeyspace whether the keyspace and tables are created first ({@code --keyspace})
 * @param deadLetterPoison whether poison is dead-lettered again, marked as from a rebuild
 * @param subscription the rebuild's own subscription, full name
 * @param topic the event topic
 * @param metricsPort the port {@code /metrics} is served on; 0 for any free one
 */
public record RebuildPlan(
    Instant since,
    String snapshot,
    Instant until,
    Set<String> tables,
    Set<String> typesWithoutWrites,
    String keyspace,
    boolean createKeyspace,
    boolean deadLetterPoison,
    String subscription,
    String topic,
    int metricsPort) {
  public RebuildPlan {
    tables = Set.copyOf(tables);
    typesWithoutWrites = Set.copyOf(typesWithoutWrites);
  }

  /** The plan as printed before a rebuild (and by {@code --dry-run}), one item per line. */
  public java.util.List<String> lines() {
    return java.util.List.of(
        "replay:        "
            + (snapshot != null ? "from snapshot " + snapshot : "from " + since)
            + " until "
            + until,
        "subscription:  " + subscription + " (created now, deleted at the end)",
        "writes to:     "
            + keyspace
            + (createKeyspace ? " (created from the mapping if missing)" : "")
            + ", tables "
            + (tables.isEmpty() ? "all" : String.join(",", new java.util.TreeSet<>(tables))),
        "poison:        "
            + (deadLetterPoison
                ? "dead-lettered again, marked dlq_rebuild=true"
                : "counted, not dead-lettered again (--dead-letter-poison to park it)"));
  }
}
