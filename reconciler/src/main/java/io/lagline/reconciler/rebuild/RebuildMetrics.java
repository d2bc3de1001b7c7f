package io.lagline.reconciler.rebuild;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The meters of a rebuild, beside the reconciler's own in the same {@code /metrics} (whose {@code
 * lagline_reconciler_events_total} counts the rebuilt events by outcome): how many messages of each
 * kind, the publish time reached against the end of the window, the time left and what is
 * unsettled. Read from {@link RebuildProgress}; the tags are a fixed set.
 */
final class RebuildMetrics {
  private RebuildMetrics() {}

  static void register(MeterRegistry registry, RebuildProgress progress, AtomicLong poison) {
    messages(registry, progress, "settled", RebuildProgress::settled);
    messages(registry, progress, "redelivered", RebuildProgress::redelivered);
    messages(registry, progress, "after_until", RebuildProgress::beyond);
    messages(registry, progress, "not_in_tables", RebuildProgress::skipped);
    FunctionCounter.builder("lagline.rebuild.poison", poison, AtomicLong::get)
        .description(
            "Poison events the rebuild met (dead-lettered when first seen; again only with"
                + " --dead-letter-poison)")
        .baseUnit("events")
        .register(registry);
    Gauge.builder("lagline.rebuild.position.timestamp", progress, p -> seconds(p.position()))
        .description("Publish time of the newest window message received (Unix seconds)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("lagline.rebuild.until.timestamp", progress, p -> seconds(p.until()))
        .description("End of the window: messages published later are not rebuilt (Unix seconds)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(
            "lagline.rebuild.remaining",
            progress,
            p -> p.remaining().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
        .description("Estimated time left, at the pace so far; NaN before it is known")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("lagline.rebuild.unsettled", progress, RebuildProgress::unsettled)
        .description("Window messages received and not yet acked (nacked ones included)")
        .baseUnit("messages")
        .register(registry);
  }

  private static void messages(
      MeterRegistry registry,
      RebuildProgress progress,
      String kind,
      ToDoubleFunction<RebuildProgress> count) {
    FunctionCounter.builder("lagline.rebuild.messages", progress, count)
        .description(
            "Messages of the rebuild's subscription by what became of them: settled (written,"
                + " found written, or poison handled), redelivered (nacked), after_until and"
                + " not_in_tables (acked unwritten)")
        .baseUnit("messages")
        .tag("outcome", kind)
        .register(registry);
  }

  private static double seconds(java.time.Instant time) {
    return time.toEpochMilli() / 1000.0;
  }
}
