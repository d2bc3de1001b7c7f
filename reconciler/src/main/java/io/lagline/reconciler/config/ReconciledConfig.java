package io.lagline.reconciler.config;

import io.lagline.event.Reconciled;
import java.util.List;
import java.util.Set;

/**
 * The reconciled stream (docs/CONTRACT.md): where notifications of settled events go.
 *
 * @param topic full topic name, {@code projects/P/topics/T}, or null when the stream is off
 * @param subscription a subscription on {@code topic} that {@code provision} creates for a
 *     downstream consumer, or null
 * @param includePayload whether a notification carries the event's payload
 * @param ordering whether notifications are published with the entity key as ordering key
 * @param outcomes the outcomes notified ({@link Reconciled#OUTCOMES} or a subset)
 * @param notifyReplays whether the events a rebuild settles are notified, marked {@link
 *     Reconciled#REPLAY}
 */
public record ReconciledConfig(
    String topic,
    String subscription,
    boolean includePayload,
    boolean ordering,
    Set<String> outcomes,
    boolean notifyReplays) {
  /** Default for {@code pubsub.reconciled.include-payload}. */
  public static final boolean DEFAULT_INCLUDE_PAYLOAD = true;

  /**
   * Default for {@code pubsub.reconciled.ordering}: off. Ordered publishing sends one batch per key
   * at a time, and a consumer compares {@code reconciled_version} anyway.
   */
  public static final boolean DEFAULT_ORDERING = false;

  /**
   * Default for {@code pubsub.reconciled.notify-replays}: off. A rebuild re-settles events that
   * were notified when first settled; consumers that act on a notification would act twice.
   */
  public static final boolean DEFAULT_NOTIFY_REPLAYS = false;

  /** Default for {@code pubsub.reconciled.outcomes}: every outcome. */
  public static final List<String> DEFAULT_OUTCOMES = Reconciled.OUTCOMES;

  public ReconciledConfig {
    outcomes = Set.copyOf(outcomes);
  }

  /** True when notifications are published. */
  public boolean enabled() {
    return topic != null;
  }

  /** The stream switched off. */
  public static ReconciledConfig off() {
    return new ReconciledConfig(
        null,
        null,
        DEFAULT_INCLUDE_PAYLOAD,
        DEFAULT_ORDERING,
        Set.copyOf(DEFAULT_OUTCOMES),
        DEFAULT_NOTIFY_REPLAYS);
  }
}
