package io.lagline.demo;

import io.lagline.event.Heartbeat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** The reconciler's meters of the workload's events, the producer's heartbeats left out. */
final class ReconcilerCounts {
  private ReconcilerCounts() {}

  /** Events of the workload by outcome ({@code applied}, {@code dead_lettered}, ...). */
  static long workloadEvents(MeterRegistry registry, String outcome) {
    return Math.round(
        registry.find("lagline.reconciler.events").tag("outcome", outcome).counters().stream()
            .filter(counter -> !Heartbeat.is(counter.getId().getTag("event_type")))
            .mapToDouble(Counter::count)
            .sum());
  }

  /** The consistency-lag timers of the workload's event types. */
  static List<Timer> workloadTimers(MeterRegistry registry) {
    return registry.find("lagline.reconciler.consistency.lag").timers().stream()
        .filter(timer -> !Heartbeat.is(timer.getId().getTag("event_type")))
        .toList();
  }
}
