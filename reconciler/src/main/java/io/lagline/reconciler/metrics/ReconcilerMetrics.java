package io.lagline.reconciler.metrics;

import io.lagline.reconciler.config.ReconcilerKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Owns every meter of the reconciler. Tags are bounded: event types come from the mapping (anything
 * else is {@code unknown}), tables from the mapping, outcomes and error classes from enums. Names
 * are listed with their Prometheus form in the README's metrics reference.
 */
public final class ReconcilerMetrics {
  /** Tag value for an event type the mapping does not know. */
  public static final String UNKNOWN_TYPE = "unknown";

  /** Consistency-lag histogram buckets, chosen for SLOs from 10 ms to 10 min. */
  static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
    Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
  };

  /** Cassandra write-latency histogram buckets, 1 ms to 10 s. */
  static final Duration[] WRITE_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Set<String> eventTypes;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger paused = new AtomicInteger();
  private final AtomicLong flowControlMax = new AtomicLong();
  private final Counter auditChecked;
  private final Counter auditDivergent;
  private final Counter auditRepaired;

  /**
   * Registers the meters.
   *
   * @param registry where the meters live
   * @param eventTypes the mapping's event types: the only values of the {@code event_type} tag
   *     besides unknown
   */
  public ReconcilerMetrics(MeterRegistry registry, Set<String> eventTypes) {
    this.registry = registry;
    this.eventTypes = Set.copyOf(eventTypes);
    Gauge.builder("lagline.reconciler.in.flight", inFlight, AtomicInteger::get)
        .description("Messages received and not yet acked or nacked")
        .baseUnit("messages")
        .register(registry);
    Gauge.builder("lagline.reconciler.paused", paused, AtomicInteger::get)
        .description(
            "1 while intake is paused because Cassandra looks unavailable (writes wait, messages"
                + " stay leased), else 0")
        .register(registry);
    Gauge.builder("lagline.reconciler.flow.control.max", flowControlMax, AtomicLong::get)
        .description(
            "The subscriber's flow-control limit ("
                + ReconcilerKey.PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES.path()
                + "): in-flight messages stop growing there")
        .baseUnit("messages")
        .register(registry);
    // the Prometheus names end in _total without a unit: the unit (events) is in the description
    auditChecked =
        Counter.builder("lagline.reconciler.audit.checked")
            .description("Sampled events (unit: events) the auditor checked against Cassandra")
            .register(registry);
    auditDivergent =
        Counter.builder("lagline.reconciler.audit.divergent")
            .description(
                "Checked events (unit: events) Cassandra did not reflect after the grace period")
            .register(registry);
    auditRepaired =
        Counter.builder("lagline.reconciler.audit.repaired")
            .description("Divergent events (unit: events) the auditor republished to the topic")
            .register(registry);
    // present at zero from the start: Prometheus' rate() takes a series' first scrape as its
    // baseline, so a histogram born with the first events would hide them from the lag panels
    this.eventTypes.forEach(this::lagTimer);
  }

  /** Sets the flow-control limit gauge to the subscriber's configured limit. */
  public void flowControlLimit(long maxOutstandingMessages) {
    flowControlMax.set(maxOutstandingMessages);
  }

  /**
   * Registers the oldest-in-flight gauge.
   *
   * @param ageSeconds the age of the oldest message received and not yet answered, 0 when none
   */
  public <T> void oldestInFlight(T source, ToDoubleFunction<T> ageSeconds) {
    Gauge.builder("lagline.reconciler.oldest.in.flight.age", source, ageSeconds)
        .description("Age of the oldest message received and not yet acked or nacked; 0 when none")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Registers one producer's watermark-lag gauge.
   *
   * @param lagSeconds now minus the publish time of the producer's newest durable heartbeat
   * @return the gauge, for {@link #remove(Meter)} when the producer is forgotten
   */
  public <T> Meter watermarkLag(String producer, T source, ToDoubleFunction<T> lagSeconds) {
    return Gauge.builder("lagline.reconciler.watermark.lag", source, lagSeconds)
        .description(
            "Now minus the Pub/Sub publish time of the newest heartbeat of the producer that is"
                + " durable in Cassandra; grows while nothing is applied")
        .baseUnit("seconds")
        .tag("producer", producer)
        .strongReference(true)
        .register(registry);
  }

  /** Removes a meter that no longer describes anything (a forgotten producer's gauge). */
  public void remove(Meter meter) {
    registry.remove(meter);
  }

  /** Counts one event checked by the auditor, and whether Cassandra reflected it. */
  public void audited(boolean reflected) {
    auditChecked.increment();
    if (!reflected) {
      auditDivergent.increment();
    }
  }

  /** Counts one divergent event republished by the auditor. */
  public void auditRepaired() {
    auditRepaired.increment();
  }

  /** Sets the paused gauge. */
  public void paused(boolean isPaused) {
    paused.set(isPaused ? 1 : 0);
  }

  /** Counts one poison message published to the dead-letter topic, by its stable reason code. */
  public void deadLettered(String reason) {
    Counter.builder("lagline.reconciler.dead.letters")
        .description("Poison messages published to the dead-letter topic, by reason")
        .baseUnit("dead_letters")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** The registry the meters live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts one event's final outcome: applied, duplicate, stale, dead_lettered or failed. */
  public void event(String eventType, String outcome) {
    Counter.builder("lagline.reconciler.events")
        .description("Events handled, by final outcome of their primary write")
        .baseUnit("events")
        .tag("event_type", typeTag(eventType))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
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
  public void consistencyLag(String eventType, Duration lag) {
    lagTimer(eventType).record(lag.isNegative() ? Duration.ZERO : lag);
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

  /** Records one Cassandra statement's latency and what it did. */
  public void write(String table, String statement, String outcome, long nanos) {
    Timer.builder("lagline.reconciler.cassandra.write.latency")
        .description("Latency of one conditional Cassandra statement")
        .tag("table", table)
        .tag("statement", statement)
        .tag("outcome", outcome)
        .serviceLevelObjectives(WRITE_BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one row write's outcome (a row, not an event: one event may write several tables). */
  public void rowOutcome(String table, String outcome) {
    Counter.builder("lagline.reconciler.writes")
        .description("Row writes by table and outcome")
        .baseUnit("writes")
        .tag("table", table)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Counts one retry of a failed write, by error class and the classifier's reason code. */
  public void retry(String errorClass, String reason) {
    Counter.builder("lagline.reconciler.retries")
        .description("Write attempts retried in process, by error class and reason")
        .baseUnit("retries")
        .tag("class", errorClass)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Counts one message handed back to Pub/Sub (nack) or confirmed (ack). */
  public void reply(boolean ack) {
    Counter.builder("lagline.reconciler.replies")
        .description("Messages acked or nacked")
        .baseUnit("replies")
        .tag("reply", ack ? "ack" : "nack")
        .register(registry)
        .increment();
  }

  /** Counts one failed event by error class and a stable reason code. */
  public void failure(String errorClass, String reason) {
    Counter.builder("lagline.reconciler.failures")
        .description("Events that could not be applied this delivery, by error class and reason")
        .baseUnit("failures")
        .tag("class", errorClass)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Marks a message as received; pair with {@link #messageDone()}. */
  public void messageReceived() {
    inFlight.incrementAndGet();
  }

  /** Marks a message as acked or nacked. */
  public void messageDone() {
    inFlight.decrementAndGet();
  }

  /** Messages received and not yet acked or nacked. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Exports the Cassandra write limiter's state: its current (possibly adaptive) limit and the
   * writes running now.
   */
  public void writeLimiter(
      java.util.function.IntSupplier limit, java.util.function.IntSupplier running) {
    Gauge.builder("lagline.reconciler.write.concurrency.limit", limit::getAsInt)
        .description("Cassandra writes allowed in flight now (adaptive unless configured fixed)")
        .register(registry);
    Gauge.builder("lagline.reconciler.writes.in.flight", running::getAsInt)
        .description("Cassandra writes running now")
        .register(registry);
  }

  /**
   * The tag value for an event type: itself when the mapping knows it, else {@value #UNKNOWN_TYPE}.
   */
  public String typeTag(String eventType) {
    return eventType != null && eventTypes.contains(eventType) ? eventType : UNKNOWN_TYPE;
  }
}
