package io.lagline.reconciler.provision;

import io.lagline.config.Durations;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Duration;
import java.util.Optional;

/**
 * How an existing main topic's message retention compares with {@code pubsub.topic-retention}:
 * unset or shorter is raised, longer is left alone (an operator may keep more).
 */
final class TopicDrift {
  /** The field-mask path of a topic's retention. */
  static final String RETENTION_FIELD = "message_retention_duration";

  private TopicDrift() {}

  /**
   * What to say when {@code existing} must be raised to {@code wanted}, e.g. {@code
   * pubsub.topic-retention: message retention none -> 7d}; empty when it need not.
   */
  static Optional<String> retention(Optional<Duration> existing, Duration wanted) {
    if (existing.isPresent() && existing.get().compareTo(wanted) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        ReconcilerKey.PUBSUB_TOPIC_RETENTION.path()
            + ": message retention "
            + existing.map(Durations::format).orElse("none")
            + " -> "
            + Durations.format(wanted));
  }

  /**
   * The note for a retention longer than wanted, e.g. {@code message retention 14d kept, longer
   * than pubsub.topic-retention = 7d}; empty when it is not longer.
   */
  static Optional<String> longer(Optional<Duration> existing, Duration wanted) {
    if (existing.isEmpty() || existing.get().compareTo(wanted) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "message retention "
            + Durations.format(existing.get())
            + " kept, longer than "
            + ReconcilerKey.PUBSUB_TOPIC_RETENTION.path()
            + " = "
            + Durations.format(wanted));
  }
}
