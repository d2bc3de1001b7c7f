package io.lagline.producer.publish;

import io.lagline.event.Heartbeat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The producer's publish meters, bound to any number of registries with {@link
 * #bindTo(MeterRegistry)}:
 *
 * <ul>
 *   <li>{@value #PUBLISHES} (Prometheus {@code lagline_producer_publishes_events_total}): events by
 *       {@code outcome} ({@code ok}, {@code failed}, {@code rejected}) and {@code event_type} (the
 *       first {@value #MAX_EVENT_TYPES} types seen, then {@value #OTHER_EVENT_TYPE}; {@value
 *       #INVALID_EVENT_TYPE} when a rejected command has no valid type);
 *   <li>{@value #LATENCY} ({@code lagline_producer_publish_latency_seconds}): from {@code publish}
 *       to Pub/Sub's answer, flow-control waits included, by {@code outcome} ({@code ok}, {@code
 *       failed}), with histogram buckets from 1 ms to 60 s;
 *   <li>{@value #OUTSTANDING} ({@code lagline_producer_outstanding_messages}): publishes not yet
 *       answered;
 *   <li>{@value #HEARTBEATS} ({@code lagline_producer_heartbeats_total}): heartbeats emitted by
 *       {@link Heartbeats}, by {@code outcome} ({@code ok}, {@code failed}).
 * </ul>
 *
 * <p>Every series whose tags are known up front exists at zero from construction: both outcomes of
 * the latency and of the heartbeats, {@code ok} and {@code failed} publishes of {@link
 * Heartbeat#EVENT_TYPE}, {@code rejected} of {@value #INVALID_EVENT_TYPE}, and every outcome of the
 * event types given to {@link #PublishMetrics(Collection)}. A dashboard then shows 0 rather than
 * "no data", and {@code increase()} sees the first publish.
 */
public final class PublishMetrics implements MeterBinder {
  /** Counter of events by outcome and event type. */
  public static final String PUBLISHES = "lagline.producer.publishes";

  /** Timer of publish latency by outcome. */
  public static final String LATENCY = "lagline.producer.publish.latency";

  /** Gauge of publishes not yet answered. */
  public static final String OUTSTANDING = "lagline.producer.outstanding";

  /** Counter of heartbeats by outcome. */
  public static final String HEARTBEATS = "lagline.producer.heartbeats";

  /** Tag naming the outcome: {@code ok}, {@code failed} or {@code rejected}. */
  public static final String OUTCOME = "outcome";

  /** Tag naming the event type, bounded to {@value #MAX_EVENT_TYPES} values plus two. */
  public static final String EVENT_TYPE = "event_type";

  /** Distinct event types tagged before the rest are counted as {@value #OTHER_EVENT_TYPE}. */
  public static final int MAX_EVENT_TYPES = 50;

  /** The {@code event_type} of types beyond the first {@value #MAX_EVENT_TYPES}. */
  public static final String OTHER_EVENT_TYPE = "other";

  /** The {@code event_type} of a rejected command whose type is missing or invalid. */
  public static final String INVALID_EVENT_TYPE = "invalid";

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
  };

  /** The outcome of one publish. */
  enum Outcome {
    OK,
    FAILED,
    REJECTED;

    final String tag = name().toLowerCase(Locale.ROOT);
  }

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final AtomicLong outstanding = new AtomicLong();
  private final EventTypeTags eventTypes = new EventTypeTags(MAX_EVENT_TYPES);
  private final Map<Outcome, Map<String, Counter>> counters = new ConcurrentHashMap<>();
  private final Timer okLatency;
  private final Timer failedLatency;
  private final Counter heartbeatsOk;
  private final Counter heartbeatsFailed;

  /**
   * Meters not yet bound to any registry: they count nothing until {@link #bindTo(MeterRegistry)}.
   * Event types get their series with their first publish; see {@link #PublishMetrics(Collection)}.
   */
  public PublishMetrics() {
    this(Set.of());
  }

  /**
   * As {@link #PublishMetrics()}, with the series of {@code eventTypes} (the types the application
   * publishes) at zero for every outcome from the start. They take the first of the {@value
   * #MAX_EVENT_TYPES} {@code event_type} values.
   */
  public PublishMetrics(Collection<String> eventTypes) {
    Gauge.builder(OUTSTANDING, outstanding, AtomicLong::get)
        .description("Publishes handed to Pub/Sub and not yet confirmed or failed")
        .baseUnit("messages")
        .strongReference(true)
        .register(registry);
    okLatency = latency(Outcome.OK);
    failedLatency = latency(Outcome.FAILED);
    heartbeatsOk = heartbeats(Outcome.OK);
    heartbeatsFailed = heartbeats(Outcome.FAILED);
    counter(Outcome.OK, Heartbeat.EVENT_TYPE);
    counter(Outcome.FAILED, Heartbeat.EVENT_TYPE);
    counter(Outcome.REJECTED, INVALID_EVENT_TYPE);
    for (String type : eventTypes) {
      for (Outcome outcome : Outcome.values()) {
        counter(outcome, type);
      }
    }
  }

  /** Exports the meters to {@code target} as well. */
  @Override
  public void bindTo(MeterRegistry target) {
    registry.add(target);
  }

  /** Publishes not yet answered. */
  public long outstanding() {
    return outstanding.get();
  }

  void started() {
    outstanding.incrementAndGet();
  }

  void confirmed(String eventType, long nanos) {
    outstanding.decrementAndGet();
    counter(Outcome.OK, eventType).increment();
    okLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void failed(String eventType, long nanos) {
    outstanding.decrementAndGet();
    counter(Outcome.FAILED, eventType).increment();
    failedLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void rejected(String eventType) {
    counter(Outcome.REJECTED, eventType).increment();
  }

  void heartbeat(boolean confirmed) {
    (confirmed ? heartbeatsOk : heartbeatsFailed).increment();
  }

  private Counter heartbeats(Outcome outcome) {
    return Counter.builder(HEARTBEATS)
        .description(
            "Heartbeat events emitted, by outcome: ok (Pub/Sub confirmed) or failed (not published)")
        .baseUnit("heartbeats")
        .tag(OUTCOME, outcome.tag)
        .register(registry);
  }

  private Counter counter(Outcome outcome, String eventType) {
    String type =
        eventType == null || eventType.equals(INVALID_EVENT_TYPE)
            ? INVALID_EVENT_TYPE
            : eventTypes.tagFor(eventType);
    return counters
        .computeIfAbsent(outcome, o -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            type,
            t ->
                Counter.builder(PUBLISHES)
                    .description(
                        "Events given to the producer, by outcome: ok, failed (Pub/Sub did not confirm)"
                            + " or rejected (invalid, not published)")
                    .baseUnit("events")
                    .tag(OUTCOME, outcome.tag)
                    .tag(EVENT_TYPE, t)
                    .register(registry));
  }

  private Timer latency(Outcome outcome) {
    return Timer.builder(LATENCY)
        .description(
            "Time from publish to Pub/Sub's confirmation or failure, flow-control waits included")
        .tag(OUTCOME, outcome.tag)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }
}
