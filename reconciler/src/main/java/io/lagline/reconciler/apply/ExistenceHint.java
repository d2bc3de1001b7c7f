package io.lagline.reconciler.apply;

import io.lagline.reconciler.mapping.BoundRow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Guesses whether a versioned row already exists, so the writer can start with the statement that
 * most likely applies in one Paxos round: {@code UPDATE ... IF version < ?} for an existing row,
 * {@code INSERT ... IF NOT EXISTS} for a new one. A wrong guess costs one extra round, never
 * correctness: each statement's not-applied answer leads to the other. Rows this instance has
 * written recently are known to exist (a bounded, least-recently-used set); for other rows, each
 * table keeps a moving average of how often such a first touch found the row new.
 */
final class ExistenceHint {
  /** Rows remembered as existing, at most. */
  static final int DEFAULT_CAPACITY = 100_000;

  private static final double WEIGHT = 0.05;

  private final Map<String, Boolean> known;
  private final Map<String, Double> newShare = new HashMap<>();

  ExistenceHint(int capacity) {
    this.known =
        new LinkedHashMap<>(1024, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True when the row is more likely new than existing: start with the insert. */
  synchronized boolean likelyNew(BoundRow row) {
    if (known.get(key(row)) != null) {
      return false;
    }
    return newShare.getOrDefault(row.table(), 0.0) > 0.5;
  }

  /**
   * Records what a write learned: the row exists now either way; {@code wasNew} says whether it did
   * before.
   */
  synchronized void learned(BoundRow row, boolean wasNew) {
    String key = key(row);
    if (known.put(key, Boolean.TRUE) == null) {
      double share = newShare.getOrDefault(row.table(), 0.0);
      newShare.put(row.table(), share + WEIGHT * ((wasNew ? 1.0 : 0.0) - share));
    }
  }

  private static String key(BoundRow row) {
    StringBuilder key = new StringBuilder(row.table());
    for (String column : row.write().primaryKey()) {
      key.append('\u0000').append(row.value(column));
    }
    return key.toString();
  }
}
