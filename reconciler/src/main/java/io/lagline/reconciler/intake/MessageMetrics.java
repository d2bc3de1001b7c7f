package io.lagline.reconciler.intake;

import io.lagline.metrics.LagBuckets;
import io.lagline.reconciler.apply.ErrorClass;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.lagline.reconciler.apply.WriteOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Owns the meters of the messages {@link MessageHandler} handles: each event's outcome and
 * consistency lag, the failed deliveries, the acks and nacks, the messages in flight, and how far
 * behind the subscription they are received. Tags are bounded: event types come from the mapping
 * (anything else is {@value #UNKNOWN_TYPE}), outcomes and verdicts from fixed sets, and every such
 * series is registered at zero here, so a freshly started reconciler exports it and {@code
 * increase()} sees its first event. Names are listed with their Prometheus form in the README's
 * metrics reference.
 */
public final class MessageMetrics {
  /** Tag value for an event type the mapping does not know. */
  public static final String UNKNOWN_TYPE = "unknown";

  /** The {@code outcome} of an event parked on the dead-letter topic. */
  static final String DEAD_LETTERED = "dead_lettered";

  /** The {@code outcome} of an event nacked for redelivery. */
  static final String FAILED = "failed";

  /** The {@code reason} of a failure to publish a dead letter. */
  static final String DEAD_LETTER_PUBLISH = "dead_letter_publish";

  /** The {@code reason} of a message nacked because its notification was not confirmed. */
  static final String NOTIFICATION_PUBLISH = "notification_publish";

  /** Consistency-lag histogram buckets ({@link LagBuckets}). */
  static final Duration[] LAG_BUCKETS = LagBuckets.bounds();

  private final MeterRegistry registry;
  private final Set<String> eventTypes;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong flowControlMax = new AtomicLong();
  private volatile DoubleSupplier oldestInFlight = () -> 0;
  private volatile DoubleSupplier receiveLag = () -> 0;

  // the fixed-tag series by their tags, filled once here: the hot path builds no meter ids
  private final Map<String, Map<String, Counter>> eventCounters = new HashMap<>();
  private final Map<String, Timer> lagTimers = new HashMap<>();
  private final Counter acks;
  private final Counter nacks;

  /**
   * Registers the meters, every fixed-tag series at zero.
   *
   * @param eventTypes the mapping's event types: the only values of the {@code event_type} tag
   *     besides {@value #UNKNOWN_TYPE}
   */
  public MessageMetrics(MeterRegistry registry, Set<String> eventTypes) {
    this.registry = registry;
    this.eventTypes = Set.copyOf(eventTypes);
    Gauge.builder("lagline.reconciler.in.flight", inFlight, AtomicInteger::get)
        .description("Messages received and not yet acked or nacked")
        .baseUnit("messages")
        .strongReference(true)
        .register(registry);
    Gauge.builder("lagline.reconciler.flow.control.max", flowControlMax, AtomicLong::get)
        .description(
            "The subscriber's flow-control limit (pubsub.flow-control.max-outstanding-messages):"
                + " in-flight messages stop growing there")
        .baseUnit("messages")
        .strongReference(true)
        .register(registry);
    Gauge.builder(
            "lagline.reconciler.oldest.in.flight.age", this, m -> m.oldestInFlight.getAsDouble())
        .description("Age of the oldest message received and not yet acked or nacked; 0 when none")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder("lagline.reconciler.receive.lag", this, m -> m.receiveLag.getAsDouble())
        .description(
            "Age (now minus Pub/Sub publish time) of the oldest message received in the last 10 s;"
                + " 0 when none was received in that window. Grows with the backlog; the signal"
                + " the reconciler is scaled on")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    for (String type : this.eventTypes) {
      lagTimers.put(type, lagTimer(type));
      outcomes().forEach(outcome -> remember(type, outcome));
    }
    // an unknown type never gets as far as a write
    remember(UNKNOWN_TYPE, DEAD_LETTERED);
    remember(UNKNOWN_TYPE, FAILED);
    ErrorClassifier.EVENT_VERDICTS.forEach(v -> failures(v.errorClass().tag(), v.reason()));
    for (ErrorClass errorClass : ErrorClass.values()) {
      failures(errorClass.tag(), DEAD_LETTER_PUBLISH);
      failures(errorClass.tag(), NOTIFICATION_PUBLISH);
    }
    acks = replies(true);
    nacks = replies(false);
  }

  private void remember(String typeTag, String outcome) {
    eventCounters
        .computeIfAbsent(typeTag, t -> new HashMap<>())
        .put(outcome, events(typeTag, outcome));
  }

  /** Sets the flow-control limit gauge to the subscriber's configured limit. */
  public void flowControlLimit(long maxOutstandingMessages) {
    flowControlMax.set(maxOutstandingMessages);
  }

  /**
   * Makes the oldest-in-flight gauge read {@code ageSeconds}: the age of the oldest message
   * received and not yet answered, 0 when none.
   */
  void oldestInFlight(DoubleSupplier ageSeconds) {
    this.oldestInFlight = ageSeconds;
  }

  /**
   * Makes the receive-lag gauge read {@code seconds}: the age of the oldest message received in the
   * last 10 s, 0 when none was (see {@link ReceiveLag}).
   */
  void receiveLag(DoubleSupplier seconds) {
    this.receiveLag = seconds;
  }

  /**
   * Counts one event's final outcome: applied, duplicate, stale, superseded, dead_lettered, failed.
   */
  void event(String eventType, String outcome) {
    String type = typeTag(eventType);
    Counter counter = eventCounters.getOrDefault(type, Map.of()).get(outcome);
    (counter != null ? counter : events(type, outcome)).increment();
  }

  /** Events counted with {@code outcome} so far, over every event type. */
  public long events(String outcome) {
    return Math.round(
        registry.find("lagline.reconciler.events").tag("outcome", outcome).counters().stream()
            .mapToDouble(Counter::count)
            .sum());
  }

  /**
   * Records the time from Pub/Sub's publish time to Cassandra's confirmation of the event's writes.
   */
  void consistencyLag(String eventType, Duration lag) {
    Timer timer = lagTimers.get(typeTag(eventType));
    (timer != null ? timer : lagTimer(eventType)).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** The consistency-lag timer of one event type. */
  public Timer lagTimer(String eventType) {
    return Timer.builder("lagline.reconciler.consistency.lag")
        .description(
            "Time from the message's Pub/Sub publish time to Cassandra confirming its write")
        .tag("event_type", typeTag(eventType))
        .serviceLevelObjectives(LAG_BUCKETS)
        .minimumExpectedValue(LAG_BUCKETS[0])
        .maximumExpectedValue(LAG_BUCKETS[LAG_BUCKETS.length - 1])
        .register(registry);
  }

  /** Counts one failed event by error class and a stable reason code. */
  void failure(String errorClass, String reason) {
    failures(errorClass, reason).increment();
  }

  /** Counts one message handed back to Pub/Sub (nack) or confirmed (ack). */
  void reply(boolean ack) {
    (ack ? acks : nacks).increment();
  }

  /** Marks a message as received; pair with {@link #messageDone()}. */
  void messageReceived() {
    inFlight.incrementAndGet();
  }

  /** Marks a message as acked or nacked. */
  void messageDone() {
    inFlight.decrementAndGet();
  }

  /** Messages received and not yet acked or nacked. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * The tag value for an event type: itself when the mapping knows it, else {@value #UNKNOWN_TYPE}.
   */
  public String typeTag(String eventType) {
    return eventType != null && eventTypes.contains(eventType) ? eventType : UNKNOWN_TYPE;
  }

  private static List<String> outcomes() {
    List<String> outcomes = new ArrayList<>();
    for (WriteOutcome outcome : WriteOutcome.values()) {
      outcomes.add(outcome.tag());
    }
    outcomes.add(DEAD_LETTERED);
    outcomes.add(FAILED);
    return outcomes;
  }

  private Counter events(String typeTag, String outcome) {
    return Counter.builder("lagline.reconciler.events")
        .description("Events handled, by final outcome of their primary write")
        .baseUnit("events")
        .tag("event_type", typeTag)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter failures(String errorClass, String reason) {
    return Counter.builder("lagline.reconciler.failures")
        .description("Events that could not be applied this delivery, by error class and reason")
        .baseUnit("failures")
        .tag("class", errorClass)
        .tag("reason", reason)
        .register(registry);
  }

  private Counter replies(boolean ack) {
    return Counter.builder("lagline.reconciler.replies")
        .description("Messages acked or nacked")
        .baseUnit("replies")
        .tag("reply", ack ? "ack" : "nack")
        .register(registry);
  }
}
