package io.lagline.demo;

import io.lagline.event.Event;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cassandra must hold once the stream is applied, computed from the published events alone:
 * each device at its newest version (or deleted, when that version retired it), and one history row
 * per distinct sync event.
 *
 * @param newest the newest event of each device
 * @param history the event ids of each device's syncs
 */
public record ExpectedState(Map<String, Event> newest, Map<String, Set<String>> history) {
  /** Computes the expected state. */
  public static ExpectedState of(List<Event> events) {
    Map<String, Event> newest = new HashMap<>();
    Map<String, Set<String>> history = new HashMap<>();
    for (Event event : events) {
      newest.merge(
          event.entityKey(), event, (a, b) -> a.entityVersion() >= b.entityVersion() ? a : b);
      if (event.eventType().equals(FitnessWorkload.SYNCED)) {
        history.computeIfAbsent(event.entityKey(), k -> new HashSet<>()).add(event.eventId());
      }
    }
    return new ExpectedState(Map.copyOf(newest), Map.copyOf(history));
  }

  /** Number of history rows expected. */
  public long historyRows() {
    return history.values().stream().mapToLong(Set::size).sum();
  }
}
