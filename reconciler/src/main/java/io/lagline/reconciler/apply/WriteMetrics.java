package io.lagline.reconciler.apply;

import io.lagline.reconciler.mapping.EventMapping;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableWrite;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Owns the meters of the Cassandra write path: each statement's latency, each row's outcome, the
 * in-process retries, the write limiter and the outage pause. Every series whose tags come from a
 * fixed set (the mapping's tables and the statements their write modes use, the outcomes, the
 * retryable verdicts of {@link ErrorClassifier}) is registered at zero here, so a freshly started
 * reconciler exports it and {@code increase()} sees its first event. Names are listed with their
 * Prometheus form in the README's metrics reference.
 */
public final class WriteMetrics {
  /** The {@code statement} tag of a conditional update of an existing row. */
  static final String UPDATE = "update";

  /** The {@code statement} tag of a conditional insert. */
  static final String INSERT = "insert";

  /** The {@code outcome} tags of one statement. */
  static final List<String> STATEMENT_OUTCOMES = List.of("applied", "not_applied", "error");

  /** Cassandra write-latency histogram buckets, 1 ms to 10 s. */
  static final Duration[] WRITE_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  /** The fixed-tag series, looked up by nested maps: no meter id is built per write. */
  private final Map<String, Map<String, Map<String, Timer>>> latencies = new HashMap<>();

  private final Map<String, Map<String, Counter>> rowOutcomes = new HashMap<>();
  private final AtomicInteger paused = new AtomicInteger();
  private volatile IntSupplier limit = () -> 0;
  private volatile IntSupplier running = () -> 0;

  /**
   * Registers the meters, every fixed-tag series at zero.
   *
   * @param mapping its tables are the only values of the {@code table} tag; their write modes say
   *     which statements each table gets
   */
  public WriteMetrics(MeterRegistry registry, Mapping mapping) {
    this.registry = registry;
    Gauge.builder("lagline.reconciler.paused", paused, AtomicInteger::get)
        .description(
            "1 while intake is paused because Cassandra looks unavailable (writes wait, messages"
                + " stay leased), else 0")
        .strongReference(true)
        .register(registry);
    Gauge.builder("lagline.reconciler.write.concurrency.limit", this, m -> m.limit.getAsInt())
        .description("Cassandra writes allowed in flight now (adaptive unless configured fixed)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("lagline.reconciler.writes.in.flight", this, m -> m.running.getAsInt())
        .description("Cassandra writes running now")
        .strongReference(true)
        .register(registry);
    statementsByTable(mapping)
        .forEach(
            (table, statements) -> {
              statements.forEach(
                  s ->
                      STATEMENT_OUTCOMES.forEach(
                          o ->
                              latencies
                                  .computeIfAbsent(table, t -> new HashMap<>())
                                  .computeIfAbsent(s, t -> new HashMap<>())
                                  .put(o, latency(table, s, o))));
              for (WriteOutcome outcome : WriteOutcome.values()) {
                rowOutcomes
                    .computeIfAbsent(table, t -> new HashMap<>())
                    .put(outcome.tag(), rows(table, outcome.tag()));
              }
            });
    ErrorClassifier.EVENT_VERDICTS.stream()
        .filter(verdict -> !verdict.permanent())
        .forEach(verdict -> retries(verdict.errorClass().tag(), verdict.reason()));
  }

  /** Sets the paused gauge. */
  public void paused(boolean isPaused) {
    paused.set(isPaused ? 1 : 0);
  }

  /** Exports the write limiter's state: its current (possibly adaptive) limit and its writes. */
  void writeLimiter(IntSupplier limit, IntSupplier running) {
    this.limit = limit;
    this.running = running;
  }

  /** Records one Cassandra statement's latency and what it did. */
  void write(String table, String statement, String outcome, long nanos) {
    Timer timer =
        latencies.getOrDefault(table, Map.of()).getOrDefault(statement, Map.of()).get(outcome);
    (timer != null ? timer : latency(table, statement, outcome))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one row write's outcome (a row, not an event: one event may write several tables). */
  void rowOutcome(String table, String outcome) {
    Counter counter = rowOutcomes.getOrDefault(table, Map.of()).get(outcome);
    (counter != null ? counter : rows(table, outcome)).increment();
  }

  /** Counts one retry of a failed write, by error class and the classifier's reason code. */
  void retry(String errorClass, String reason) {
    retries(errorClass, reason).increment();
  }

  private Timer latency(String table, String statement, String outcome) {
    return Timer.builder("lagline.reconciler.cassandra.write.latency")
        .description("Latency of one conditional Cassandra statement")
        .tag("table", table)
        .tag("statement", statement)
        .tag("outcome", outcome)
        .serviceLevelObjectives(WRITE_BUCKETS)
        .register(registry);
  }

  private Counter rows(String table, String outcome) {
    return Counter.builder("lagline.reconciler.writes")
        .description("Row writes by table and outcome")
        .baseUnit("writes")
        .tag("table", table)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter retries(String errorClass, String reason) {
    return Counter.builder("lagline.reconciler.retries")
        .description("Write attempts retried in process, by error class and reason")
        .baseUnit("retries")
        .tag("class", errorClass)
        .tag("reason", reason)
        .register(registry);
  }

  /** Each written table with its statements: an update only where the write mode is versioned. */
  private static Map<String, Set<String>> statementsByTable(Mapping mapping) {
    Map<String, Set<String>> statements = new TreeMap<>();
    for (EventMapping event : mapping.events()) {
      for (TableWrite write : event.writes()) {
        Set<String> table = statements.computeIfAbsent(write.table(), t -> new TreeSet<>());
        table.add(INSERT);
        if (write.mode().versioned()) {
          table.add(UPDATE);
        }
      }
    }
    return statements;
  }
}
