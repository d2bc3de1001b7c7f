package io.lagline.reconciler.deadletter;

import io.lagline.reconciler.apply.Classification;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Owns the dead-letter counter: poison messages parked on the dead-letter topic, by the reason
 * written to their {@code dlq_reason} attribute. Every reason {@link ErrorClassifier} can give a
 * poison event is registered at zero, so the first dead letter after a restart is an increase that
 * {@code increase()} and the dead-letter alert see.
 */
public final class DeadLetterMetrics {
  private final MeterRegistry registry;

  /** Registers one counter per poison reason, at zero. */
  public DeadLetterMetrics(MeterRegistry registry) {
    this.registry = registry;
    reasons().forEach(this::counter);
  }

  /** The reasons an event is dead-lettered for: the permanent verdicts on an event. */
  public static List<String> reasons() {
    return ErrorClassifier.EVENT_VERDICTS.stream()
        .filter(Classification::permanent)
        .map(Classification::reason)
        .toList();
  }

  /** Counts one poison message published to the dead-letter topic, by its stable reason code. */
  public void deadLettered(String reason) {
    counter(reason).increment();
  }

  private Counter counter(String reason) {
    return Counter.builder("lagline.reconciler.dead.letters")
        .description("Poison messages published to the dead-letter topic, by reason")
        .baseUnit("dead_letters")
        .tag("reason", reason)
        .register(registry);
  }
}
