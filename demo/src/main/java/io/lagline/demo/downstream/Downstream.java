package io.lagline.demo.downstream;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The demo's two downstream consumers: one on a subscription of its own on the raw topic, one on
 * the reconciled topic. Each reads the row of every event it hears of (see {@link
 * DownstreamCounts}).
 */
public final class Downstream implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final DownstreamConsumer raw;
  private final DownstreamConsumer reconciled;

  private Downstream(DownstreamConsumer raw, DownstreamConsumer reconciled) {
    this.raw = raw;
    this.reconciled = reconciled;
  }

  /**
   * Starts both consumers; the subscriptions must exist.
   *
   * @param rawSubscription full name of a subscription on the topic the producer publishes to
   * @param reconciledSubscription full name of a subscription on the reconciled topic
   * @param eventIds every distinct event the reconciled consumer must hear of
   */
  public static Downstream start(
      PubSubConnection connection,
      CqlSession session,
      String keyspace,
      String rawSubscription,
      String reconciledSubscription,
      Collection<String> eventIds) {
    DeviceRows rows = CassandraDeviceRows.prepare(session, keyspace);
    DownstreamConsumer raw = DownstreamConsumer.start(connection, rawSubscription, rows, List.of());
    try {
      return new Downstream(
          raw, DownstreamConsumer.start(connection, reconciledSubscription, rows, eventIds));
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Waits until the reconciled consumer has read every distinct event, or until {@code
   * deadlineNanos} ({@link System#nanoTime()}).
   *
   * @return whether it did
   */
  public boolean awaitReconciled(long deadlineNanos) throws InterruptedException {
    while (reconciled.missing() > 0 && System.nanoTime() < deadlineNanos) {
      Thread.sleep(POLL.toMillis()); // polling a counter, bounded by the deadline
    }
    return reconciled.missing() == 0;
  }

  /** Distinct events the reconciled consumer has not read yet. */
  public int reconciledMissing() {
    return reconciled.missing();
  }

  /** The raw consumer's reads so far. */
  public DownstreamCounts raw() {
    return raw.counts();
  }

  /** The reconciled consumer's reads so far. */
  public DownstreamCounts reconciled() {
    return reconciled.counts();
  }

  /** Stops both consumers. */
  @Override
  public void close() {
    try {
      reconciled.close();
    } finally {
      raw.close();
    }
  }
}
