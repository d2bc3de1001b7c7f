package io.lagline.reconciler.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds pulled messages so that Pub/Sub does not redeliver them while a command works: each is
 * leased for {@link #LEASE} when pulled and the leases of all held messages are renewed every
 * {@link #RENEW_EVERY} on a background thread. A message stops being held when it is acked or
 * released; {@link #close()} releases whatever is still held, so nothing stays invisible after a
 * command ends, even a failed one.
 *
 * <p>Acks, releases and renewals run under one lock, so a renewal never names an acked message.
 */
public final class LeaseKeeper implements AutoCloseable {
  /** How long one lease lasts. */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** How often held leases are renewed: a third of a lease, so one failed renewal is survived. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(20);

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final DeadLetterSource source;
  private final Set<String> held = new LinkedHashSet<>();
  private final ScheduledExecutorService renewer;

  /** Starts renewing every {@code renewEvery} (tests pass a short period). */
  LeaseKeeper(DeadLetterSource source, Duration renewEvery) {
    this.source = source;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lagline-dlq-lease");
              thread.setDaemon(true);
              return thread;
            });
    renewer.scheduleWithFixedDelay(
        this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A keeper renewing every {@link #RENEW_EVERY}. */
  public static LeaseKeeper of(DeadLetterSource source) {
    return new LeaseKeeper(source, RENEW_EVERY);
  }

  /** Leases freshly pulled messages and holds them. */
  public synchronized void hold(Collection<String> ackIds) {
    if (ackIds.isEmpty()) {
      return;
    }
    source.modifyAckDeadline(List.copyOf(ackIds), LEASE);
    held.addAll(ackIds);
  }

  /**
   * Stops holding a message without telling Pub/Sub (its ack id was superseded by a redelivery).
   */
  public synchronized void forget(String ackId) {
    held.remove(ackId);
  }

  /** Acknowledges held messages: they leave the subscription. */
  public synchronized void ack(Collection<String> ackIds) {
    if (ackIds.isEmpty()) {
      return;
    }
    source.acknowledge(List.copyOf(ackIds));
    held.removeAll(ackIds);
  }

  /** Releases held messages (ack deadline 0): Pub/Sub delivers them again later. */
  public synchronized void release(Collection<String> ackIds) {
    if (ackIds.isEmpty()) {
      return;
    }
    source.modifyAckDeadline(List.copyOf(ackIds), Duration.ZERO);
    held.removeAll(ackIds);
  }

  /** How many messages are held. */
  public synchronized int held() {
    return held.size();
  }

  synchronized void renew() {
    if (held.isEmpty()) {
      return;
    }
    try {
      source.modifyAckDeadline(List.copyOf(held), LEASE);
    } catch (RuntimeException e) {
      // the lease may lapse and a message be delivered twice; the collector drops such duplicates
      LOG.warn("Could not renew the lease of {} held dead letters: {}", held.size(), e.toString());
    }
  }

  /** Stops renewing and releases every message still held. */
  @Override
  public void close() {
    renewer.shutdownNow();
    List<String> rest;
    synchronized (this) {
      rest = new ArrayList<>(held);
    }
    if (rest.isEmpty()) {
      return;
    }
    try {
      release(rest);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not release {} held dead letters; Pub/Sub delivers them again when their lease"
              + " ends (at most {} s): {}",
          rest.size(),
          LEASE.toSeconds(),
          e.toString());
    }
  }
}
