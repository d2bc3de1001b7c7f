package io.lagline.demo;

import io.lagline.event.Event;
import io.lagline.producer.publish.EventPublisher;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steady stream of {@code --keep-running}: {@code rate} {@code DeviceSynced} events per second,
 * evenly spaced, each a newer version of a random device still in service (versions go on from
 * where the workload left them), so Grafana and the alert rules see a live stream. As in the
 * workload, about {@link FitnessWorkload#DUPLICATE_SHARE} of the publishes repeat the previous
 * event (counted {@code duplicate}) and about {@link #LATE_SHARE} are an older version sent after
 * its successor ({@code stale}).
 */
final class Trickle implements AutoCloseable {
  /** Highest rate accepted: about what the reconciler drains on the 2-core development machine. */
  static final int MAX_RATE = 1000;

  /** Share of publishes that are an older version sent after the newer one. */
  static final double LATE_SHARE = 0.05;

  private static final Logger LOG = LoggerFactory.getLogger(Trickle.class);

  private final EventPublisher publisher;
  private final Random random;
  private final long[] versions;
  private final int firstDevice;
  private final AtomicLong published = new AtomicLong();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "lagline-demo-trickle");
            thread.setDaemon(true);
            return thread;
          });
  private Event last;
  private Event late;

  Trickle(EventPublisher publisher, FitnessWorkload workload, int devices, long seed) {
    this.publisher = publisher;
    this.random = new Random(seed);
    this.versions = newestVersions(workload, devices);
    int retired = FitnessWorkload.retiredDevices(devices);
    this.firstDevice = retired < devices ? retired : 0;
  }

  /**
   * Starts publishing {@code rate} events per second through {@code publisher}; nothing when the
   * rate is 0 (the heartbeats go on).
   */
  static Trickle start(
      EventPublisher publisher, FitnessWorkload workload, int devices, int rate, long seed) {
    if (rate < 0 || rate > MAX_RATE) {
      throw new IllegalArgumentException("rate must be 0 to " + MAX_RATE + ", was " + rate);
    }
    Trickle trickle = new Trickle(publisher, workload, devices, seed);
    if (rate > 0) {
      long period = TimeUnit.SECONDS.toNanos(1) / rate;
      trickle.scheduler.scheduleAtFixedRate(trickle::tick, 0, period, TimeUnit.NANOSECONDS);
    }
    return trickle;
  }

  /** Events handed to the publisher so far. */
  long published() {
    return published.get();
  }

  /** Publishes the next event (the scheduler calls it {@code rate} times a second). */
  void tick() {
    try {
      Event event = next();
      last = event;
      published.incrementAndGet();
      publisher.publish(event).whenComplete((receipt, error) -> counted(error));
    } catch (RuntimeException e) {
      counted(e); // a scheduled task that throws is never run again
    }
  }

  private Event next() {
    double draw = random.nextDouble();
    if (last != null && draw < FitnessWorkload.DUPLICATE_SHARE) {
      return last;
    }
    if (late != null && draw < FitnessWorkload.DUPLICATE_SHARE + LATE_SHARE) {
      Event older = late;
      late = null;
      return older;
    }
    int device = firstDevice + random.nextInt(versions.length - firstDevice);
    if (late == null) { // held back, to be sent after its successor
      late = FitnessWorkload.synced(device, ++versions[device], Instant.now(), random);
    }
    return FitnessWorkload.synced(device, ++versions[device], Instant.now(), random);
  }

  private void counted(Throwable error) {
    if (error == null) {
      if (failing.compareAndSet(true, false)) {
        LOG.info("the trickle's events are published again");
      }
    } else if (failing.compareAndSet(false, true)) {
      LOG.warn("a trickle event was not published ({}); going on", error.toString());
    } else {
      LOG.debug("a trickle event was not published: {}", error.toString());
    }
  }

  /** The newest version of each device in the workload, indexed by device number. */
  private static long[] newestVersions(FitnessWorkload workload, int devices) {
    Map<String, Long> newest = new HashMap<>();
    for (Event event : workload.distinct()) {
      newest.merge(event.entityKey(), event.entityVersion(), Math::max);
    }
    long[] versions = new long[devices];
    for (int device = 0; device < devices; device++) {
      versions[device] = newest.getOrDefault(FitnessWorkload.deviceKey(device), 0L);
    }
    return versions;
  }

  /** Stops publishing; events already handed over are left to the publisher. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
