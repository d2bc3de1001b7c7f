package io.lagline.reconciler.watermark;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.DoubleSupplier;

/**
 * Owns the watermark-lag gauges, one per producer {@link Watermarks} tracks. Unlike the other
 * meters, none exists at start-up: a producer becomes known with its first heartbeat made durable.
 * No stand-in is registered before that on purpose. A gauge at 0 would say the watermark is
 * current, and the stall alert and the dashboard, which rebuild the watermark as sample time minus
 * lag, would take a restart behind a backlog for a caught-up reconciler; a gauge at NaN would need
 * an invented {@code producer} value and changes nothing in either, as {@code max_over_time} skips
 * NaN. So they keep the watermark a reconciler reported before its restart, for an hour.
 */
public final class WatermarkMetrics {
  private final MeterRegistry registry;

  /** Registers nothing yet: each gauge comes with its producer. */
  public WatermarkMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Registers one producer's watermark-lag gauge.
   *
   * @param lagSeconds now minus the publish time of the producer's newest durable heartbeat
   * @return the gauge, for {@link #remove(Meter)} when the producer is forgotten
   */
  Meter watermarkLag(String producer, DoubleSupplier lagSeconds) {
    return Gauge.builder(
            "lagline.reconciler.watermark.lag", lagSeconds, DoubleSupplier::getAsDouble)
        .description(
            "Now minus the Pub/Sub publish time of the newest heartbeat of the producer that is"
                + " durable in Cassandra; grows while nothing is applied")
        .baseUnit("seconds")
        .tag("producer", producer)
        .strongReference(true)
        .register(registry);
  }

  /** Removes a forgotten producer's gauge. */
  void remove(Meter meter) {
    registry.remove(meter);
  }
}
