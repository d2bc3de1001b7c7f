package io.lagline.consumer;

import com.google.cloud.pubsub.v1.Subscriber;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the reconciled stream from a subscription on {@code pubsub.reconciled.topic}: each message
 * is parsed into a {@link Notification}, fed to a {@link VersionWaiter}, deduplicated on its event
 * id and handed to a {@link NotificationHandler}; it is acked when the handler returns and nacked
 * when it throws. A message that is not a valid notification is logged at ERROR (message id and
 * every violation), counted as {@link Counts#invalid()} and acked: nacking it would redeliver it
 * for ever, and it is not a settled event anyone could act on.
 *
 * <p>The Pub/Sub client's defaults apply (flow control, parallel pull, ack-deadline leases); the
 * handler runs on its callback threads, so it may run concurrently for different notifications.
 */
public final class ReconciledSubscriber implements AutoCloseable {
  /** How long {@link #close()} waits for handlers in flight to finish. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final NotificationReceiver receiver;
  private final Subscriber subscriber;
  private final String subscription;

  /**
   * How many messages reached each end of the walk.
   *
   * @param handled handed to the handler, which returned
   * @param duplicates acked without handling: their event id was seen before
   * @param invalid acked without handling: not a valid notification
   * @param failed nacked: the handler threw
   */
  public record Counts(long handled, long duplicates, long invalid, long failed) {}

  private ReconciledSubscriber(
      PubSubConnection connection, String subscription, NotificationReceiver receiver) {
    this.subscription = subscription;
    this.receiver = receiver;
    this.subscriber = connection.configure(Subscriber.newBuilder(subscription, receiver)).build();
  }

  /**
   * Starts receiving, and returns once the subscriber runs.
   *
   * @param connection where and as whom to reach Pub/Sub; not closed by {@link #close()}
   * @param subscription full name, {@code projects/P/subscriptions/S}
   * @param handler called once per event id within the deduplicator's window
   * @param deduplicator e.g. {@link Deduplicator#withDefaultWindow()}
   * @param waiter fed with every valid notification, duplicates included
   * @throws IllegalStateException when the subscriber fails to start (the cause says why)
   */
  public static ReconciledSubscriber start(
      PubSubConnection connection,
      String subscription,
      NotificationHandler handler,
      Deduplicator deduplicator,
      VersionWaiter waiter) {
    NotificationReceiver receiver =
        new NotificationReceiver(
            Objects.requireNonNull(handler, "handler"),
            Objects.requireNonNull(deduplicator, "deduplicator"),
            Objects.requireNonNull(waiter, "waiter"));
    ReconciledSubscriber started =
        new ReconciledSubscriber(
            Objects.requireNonNull(connection, "connection"),
            Objects.requireNonNull(subscription, "subscription"),
            receiver);
    started.subscriber.startAsync().awaitRunning();
    return started;
  }

  /** The subscription read. */
  public String subscription() {
    return subscription;
  }

  /** The counts so far. */
  public Counts counts() {
    return receiver.counts();
  }

  /** Stops pulling and waits up to {@link #STOP_TIMEOUT} for handlers in flight. */
  @Override
  public void close() {
    try {
      subscriber.stopAsync().awaitTerminated(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LaglineException(
          "the subscriber on " + subscription + " did not stop within " + STOP_TIMEOUT, e);
    }
  }
}
