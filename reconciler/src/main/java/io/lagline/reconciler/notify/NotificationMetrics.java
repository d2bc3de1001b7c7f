package io.lagline.reconciler.notify;

import io.lagline.event.Reconciled;
import io.lagline.metrics.LagBuckets;
import io.lagline.reconciler.apply.Classification;
import io.lagline.reconciler.apply.ErrorClass;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the reconciled stream's meters: notifications confirmed by outcome, failed publish attempts
 * by verdict, the publish latency, the visible lag (original publish time to notification
 * confirmed, beside the consistency lag) and the paused gauge. Every fixed-tag series is registered
 * at zero, whether the stream is on or not, so dashboards and alerts read zero rather than nothing.
 */
public final class NotificationMetrics {
  /** The {@code event_type} of a type the mapping does not know (as on the other meters). */
  static final String UNKNOWN_TYPE = "unknown";

  /** The verdicts a failed publish attempt is counted by: Pub/Sub's, and anything unforeseen. */
  static final List<Classification> VERDICTS = verdicts();

  private final MeterRegistry registry;
  private final Set<String> eventTypes;
  private final AtomicInteger paused = new AtomicInteger();
  private final Timer publish;

  /**
   * @param eventTypes the mapping's event types: the only values of the {@code event_type} tag
   *     besides {@value #UNKNOWN_TYPE}
   */
  public NotificationMetrics(MeterRegistry registry, Set<String> eventTypes) {
    this.registry = registry;
    this.eventTypes = Set.copyOf(eventTypes);
    Reconciled.OUTCOMES.forEach(this::notifications);
    VERDICTS.forEach(v -> failures(v.errorClass().tag(), v.reason()));
    eventTypes.forEach(this::visibleLag);
    Gauge.builder("lagline.reconciler.notifications.paused", paused, AtomicInteger::get)
        .description(
            "1 while notifications are held back because Pub/Sub looks unavailable for the"
                + " reconciled topic (messages stay leased, none is acked without its notification)")
        .strongReference(true)
        .register(registry);
    this.publish =
        Timer.builder("lagline.reconciler.notification.publish")
            .description(
                "Time from handing a notification to the publisher to Pub/Sub confirming it")
            .serviceLevelObjectives(LagBuckets.bounds())
            .register(registry);
  }

  private static List<Classification> verdicts() {
    List<Classification> all = new ArrayList<>(ErrorClassifier.PUBSUB_VERDICTS);
    all.add(new Classification(ErrorClass.TRANSIENT, "unexpected"));
    return List.copyOf(all);
  }

  /** Counts a notification Pub/Sub confirmed, with its visible lag. */
  void published(String eventType, String outcome, Duration visibleLag) {
    notifications(outcome).increment();
    visibleLag(eventType).record(visibleLag.isNegative() ? Duration.ZERO : visibleLag);
  }

  /** Records how long one successful publish attempt took. */
  void publishLatency(long nanos) {
    publish.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one failed publish attempt by its verdict. */
  void failed(Classification verdict) {
    failures(verdict.errorClass().tag(), verdict.reason()).increment();
  }

  /** Sets the paused gauge. */
  public void paused(boolean value) {
    paused.set(value ? 1 : 0);
  }

  /** Notifications confirmed so far, over every outcome. */
  public long notifications() {
    return Math.round(
        registry.find("lagline.reconciler.notifications").counters().stream()
            .mapToDouble(Counter::count)
            .sum());
  }

  private Counter notifications(String outcome) {
    return Counter.builder("lagline.reconciler.notifications")
        .description("Notifications of settled events Pub/Sub confirmed on the reconciled topic")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter failures(String errorClass, String reason) {
    return Counter.builder("lagline.reconciler.notification.failures")
        .description("Notification publish attempts that failed, by verdict")
        .tag("class", errorClass)
        .tag("reason", reason)
        .register(registry);
  }

  private Timer visibleLag(String eventType) {
    String tag = eventTypes.contains(eventType) ? eventType : UNKNOWN_TYPE;
    return Timer.builder("lagline.reconciler.visible.lag")
        .description(
            "Time from the event's Pub/Sub publish time to its notification being confirmed on"
                + " the reconciled topic: when a downstream consumer can see it")
        .tag("event_type", tag)
        .serviceLevelObjectives(LagBuckets.bounds())
        .register(registry);
  }
}
