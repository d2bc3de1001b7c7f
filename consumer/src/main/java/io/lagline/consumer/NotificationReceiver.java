package io.lagline.consumer;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One message's walk: parse, feed the {@link VersionWaiter}, deduplicate on the event id, hand it
 * to the {@link NotificationHandler}, ack. An invalid message is logged at ERROR and acked (a nack
 * would only bring it back for ever); a handler failure nacks, so Pub/Sub redelivers.
 */
final class NotificationReceiver implements MessageReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationReceiver.class);

  private final NotificationHandler handler;
  private final Deduplicator deduplicator;
  private final VersionWaiter waiter;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  NotificationReceiver(
      NotificationHandler handler, Deduplicator deduplicator, VersionWaiter waiter) {
    this.handler = handler;
    this.deduplicator = deduplicator;
    this.waiter = waiter;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer reply) {
    try (MDC.MDCCloseable m = MDC.putCloseable("message_id", message.getMessageId())) {
      Notification notification;
      try {
        notification = Notification.parse(message);
      } catch (InvalidNotificationException e) {
        invalid.incrementAndGet();
        LOG.error("acking a message that is not a notification: {}", e.getMessage());
        reply.ack();
        return;
      }
      try (MDC.MDCCloseable e = MDC.putCloseable("event_id", notification.eventId())) {
        receive(notification, reply);
      }
    }
  }

  private void receive(Notification notification, AckReplyConsumer reply) {
    waiter.accept(notification);
    if (!deduplicator.firstSighting(notification.eventId())) {
      duplicates.incrementAndGet();
      LOG.debug("duplicate notification, acked without handling");
      reply.ack();
      return;
    }
    try {
      handler.handle(notification);
    } catch (Exception e) {
      deduplicator.forget(notification.eventId());
      failed.incrementAndGet();
      LOG.warn("the handler failed, nacked for redelivery: {}", e.toString());
      reply.nack();
      return;
    }
    handled.incrementAndGet();
    reply.ack();
  }

  ReconciledSubscriber.Counts counts() {
    return new ReconciledSubscriber.Counts(
        handled.get(), duplicates.get(), invalid.get(), failed.get());
  }
}
