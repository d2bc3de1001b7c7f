package io.lagline.bench;

import io.lagline.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backlog of one reconciler drain: a warm-up, then the measured events, published in that order
 * on one topic before the reconciler starts. {@link DrainClock} times only what follows the
 * warm-up's count, so the row compares a warm reconciler with the ceilings, which run in the
 * bench's own JVM after its {@code warm-up} step: a profile of a quick drain found over a third of
 * a cold reconciler's CPU in JIT-compiled code still being optimized, the interpreter, the C1 and
 * C2 compilers and class loading, none of which a long-running reconciler pays.
 *
 * <p>The warm-up either touches entities of its own (a {@link BenchWorkload} prefix no measured
 * event has, so the measured events find the table as they would without it) or is the measured
 * events themselves (the redelivery row: the first copy warms up, the second is measured).
 *
 * @param warmUp published first and not measured; empty for a cold drain
 * @param measured published after it: the row's events
 */
record DrainBacklog(BenchWorkload warmUp, BenchWorkload measured) {
  private static final BenchWorkload NONE = new BenchWorkload(List.of(), Map.of());

  /** No warm-up: the row includes the JVM's warm-up (the -Xmx128m row). */
  static DrainBacklog cold(BenchWorkload measured) {
    return new DrainBacklog(NONE, measured);
  }

  /** {@code warmUp} first; its entity keys must not be the measured events'. */
  static DrainBacklog warmed(BenchWorkload warmUp, BenchWorkload measured) {
    return new DrainBacklog(warmUp, measured);
  }

  /**
   * The same events twice, as after a producer retried a batch or a replay: the first copy is the
   * warm-up, the second (every event a duplicate by then, or the first copy's, whichever is handled
   * second) is measured.
   */
  static DrainBacklog redelivered(BenchWorkload once) {
    return new DrainBacklog(once, once);
  }

  /** Events the reconciler handles before the measured ones. */
  int warmEvents() {
    return warmUp.events().size();
  }

  /** Every event in publish order: the warm-up's, then the measured ones. */
  List<Event> published() {
    List<Event> all = new ArrayList<>(warmUp.events().size() + measured.events().size());
    all.addAll(warmUp.events());
    all.addAll(measured.events());
    return all;
  }

  /**
   * What Cassandra must hold at the end: the newest event of every entity the warm-up or the
   * measured events touched.
   *
   * @throws BenchException when both touch an entity with different newest events (the warm-up
   *     would change what the measured events find, and the read-back could not tell)
   */
  Map<String, Event> expected() {
    Map<String, Event> newest = new HashMap<>(warmUp.newest());
    measured
        .newest()
        .forEach(
            (key, event) -> {
              Event earlier = newest.put(key, event);
              if (earlier != null && !earlier.equals(event)) {
                throw new BenchException(
                    "the warm-up and the measured events both touch "
                        + key
                        + " with different newest events");
              }
            });
    return newest;
  }
}
