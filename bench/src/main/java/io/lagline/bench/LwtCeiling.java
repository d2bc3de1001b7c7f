package io.lagline.bench;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.event.Event;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ceiling (a): how fast the Cassandra node takes the reconciler's own conditional writes with no
 * Pub/Sub at all: the same events bound by the same mapping and written by the reconciler's {@link
 * CassandraLwtWriter}, {@link Bench#LWT_CONCURRENCY} in flight, from the bench's JVM.
 */
final class LwtCeiling {
  /** Writes the ceiling measures: a steady rate long before this many (it saves run time). */
  static final int EVENTS = 50_000;

  private static final int WARM_UP_EVENTS = 5_000;

  private LwtCeiling() {}

  /**
   * A fresh node (and the bench JVM) is several times slower for its first few thousand conditional
   * writes; they go to a keyspace of their own and are not reported.
   *
   * @param backlog the drain backlog's size: a smaller run warms up with fewer writes
   */
  static void warmUp(BenchStack stack, int backlog, long seed) {
    String keyspace = "bench_warmup";
    stack.createSchema(keyspace);
    int events = Math.min(WARM_UP_EVENTS, backlog);
    BenchWorkload warm = BenchWorkload.uniform("w", events, Math.max(1, events / 2), 0, seed + 9);
    run("warm_up", "warm-up", stack.session(), keyspace, stack.mapping(), warm.events());
  }

  /**
   * The ceiling row: the first {@link #EVENTS} events of the drain backlog, on a fresh keyspace.
   */
  static ScenarioResult ofBacklog(BenchStack stack, BenchWorkload drain) {
    String keyspace = "bench_ceiling";
    stack.createSchema(keyspace);
    return run(
        "lwt_ceiling",
        "ceiling: async LWT (no Pub/Sub)",
        stack.session(),
        keyspace,
        stack.mapping(),
        drain.first(Math.min(drain.events().size(), EVENTS)).events());
  }

  /**
   * Writes every event into {@code keyspace} (which must exist, empty).
   *
   * @return the row; its CPU is the bench JVM's
   */
  static ScenarioResult run(
      String id,
      String name,
      CqlSession session,
      String keyspace,
      Mapping mapping,
      List<Event> events) {
    CassandraLwtWriter writer =
        CassandraLwtWriter.prepare(
            session,
            keyspace,
            mapping,
            ConsistencyLevel.LOCAL_QUORUM,
            ConsistencyLevel.LOCAL_SERIAL,
            new WriteMetrics(new SimpleMeterRegistry(), mapping));
    Semaphore inFlight = new Semaphore(Bench.LWT_CONCURRENCY);
    AtomicLong failed = new AtomicLong();
    long self = ProcessHandle.current().pid();
    ProcStats before = ProcStats.read(self);
    long start = System.nanoTime();
    try {
      for (Event event : events) {
        for (BoundRow row : mapping.bind(event, event.attributes())) {
          inFlight.acquire();
          writer
              .write(row, event.entityVersion())
              .whenComplete(
                  (outcome, error) -> {
                    if (error != null) {
                      failed.incrementAndGet();
                    }
                    inFlight.release();
                  });
        }
      }
      inFlight.acquire(Bench.LWT_CONCURRENCY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted during " + name, e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ProcStats after = ProcStats.read(self);
    String notes =
        Bench.LWT_CONCURRENCY
            + " writes in flight, no Pub/Sub"
            + (failed.get() > 0 ? "; " + failed.get() + " writes failed (not retried)" : "");
    return ScenarioResult.rate(
        id,
        name,
        events.size(),
        seconds,
        new ProcStats(after.cpuSeconds() - before.cpuSeconds(), 0),
        notes);
  }
}
