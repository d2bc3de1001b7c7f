package io.lagline.reconciler.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
  }

  /** Sets the paused gauge. */
  public void paused(boolean isPaused) {
    paused.set(isPaused ? 1 : 0);
  }

  /** Counts one poison message published to the dead-letter topic, by its stable reason code. */
  public void deadLettered(String reason) {
    Counter.builder("lagline.reconciler.dead.letters")
        .description("Poison messages published to the dead-letter topic, by reason")
        .baseUnit("messages")
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

  /** Counts one retry of a failed write, by error class. */
  public void retry(String errorClass) {
    Counter.builder("lagline.reconciler.retries")
        .description("Write attempts retried in process, by error class")
        .baseUnit("retries")
        .tag("class", errorClass)
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
