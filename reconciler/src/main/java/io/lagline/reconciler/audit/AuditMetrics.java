package io.lagline.reconciler.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Owns the auditor's counters. They exist at zero from start-up whether or not {@code
 * audit.enabled}: the dashboard draws them either way. The Prometheus names end in {@code _total}
 * without a unit; the unit (events) is in each description.
 */
public final class AuditMetrics {
  private final Counter checked;
  private final Counter divergent;
  private final Counter repaired;

  /** Registers the counters at zero. */
  public AuditMetrics(MeterRegistry registry) {
    checked =
        Counter.builder("lagline.reconciler.audit.checked")
            .description("Sampled events (unit: events) the auditor checked against Cassandra")
            .register(registry);
    divergent =
        Counter.builder("lagline.reconciler.audit.divergent")
            .description(
                "Checked events (unit: events) Cassandra did not reflect after the grace period")
            .register(registry);
    repaired =
        Counter.builder("lagline.reconciler.audit.repaired")
            .description("Divergent events (unit: events) the auditor republished to the topic")
            .register(registry);
  }

  /** Counts one event checked by the auditor, and whether Cassandra reflected it. */
  void audited(boolean reflected) {
    checked.increment();
    if (!reflected) {
      divergent.increment();
    }
  }

  /** Counts one divergent event republished by the auditor. */
  void auditRepaired() {
    repaired.increment();
  }
}
