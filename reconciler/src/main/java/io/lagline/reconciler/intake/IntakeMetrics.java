package io.lagline.reconciler.intake;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Owns the meters of the streaming pull's health: the stream errors by gRPC status code (every code
 * registered at zero, so {@code increase()} sees the first error) and how long intake has been
 * stalled (0 until {@link #stalledFor} names its source). Names are listed with their Prometheus
 * form in the README's metrics reference.
 */
public final class IntakeMetrics {
  private final Map<Status.Code, Counter> streamErrors = new EnumMap<>(Status.Code.class);
  private volatile DoubleSupplier stalledSeconds = () -> 0;

  /** Registers the stall gauge and the stream-error counters, one per gRPC code but OK, at zero. */
  public IntakeMetrics(MeterRegistry registry) {
    Gauge.builder("lagline.reconciler.stalled.for", this, m -> m.stalledSeconds.getAsDouble())
        .description(
            "While messages are held: time since the last ack or nack (or since the oldest held"
                + " message arrived, if later); 0 when none is held")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    for (Status.Code code : Status.Code.values()) {
      if (code == Status.Code.OK) {
        continue;
      }
      streamErrors.put(
          code,
          Counter.builder("lagline.reconciler.stream.errors")
              .description(
                  "Streaming pulls of the subscription that closed with a gRPC error, by status"
                      + " code; the client reconnects after each retryable one. Our own cancels"
                      + " (shutdown) are not counted")
              .baseUnit("errors")
              .tag("code", code.name())
              .register(registry));
    }
  }

  /** Counts one streaming pull closed with {@code code}; OK is not an error and is ignored. */
  public void streamError(Status.Code code) {
    Counter counter = streamErrors.get(code);
    if (counter != null) {
      counter.increment();
    }
  }

  /** Stream errors counted with {@code code} so far. */
  public double streamErrors(Status.Code code) {
    Counter counter = streamErrors.get(code);
    return counter == null ? 0 : counter.count();
  }

  /**
   * Makes the stall gauge read {@code seconds}: how long messages have been held with none acked or
   * nacked; 0 when none is held.
   */
  public void stalledFor(DoubleSupplier seconds) {
    this.stalledSeconds = seconds;
  }
}
