package io.lagline.reconciler.rebuild;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.pubsub.PublishTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * What a rebuild's subscriber hands each message to, in front of the reconciler's own message
 * handler: a message published after {@code until} is acked unwritten (the running reconcilers
 * write it), one whose event type writes none of the rebuilt tables likewise; every other one goes
 * to the handler, and its ack or nack is recorded in the {@link RebuildProgress}.
 */
final class ReplayReceiver implements MessageReceiver {
  private final MessageReceiver handler;
  private final Instant until;
  private final Set<String> typesWithoutWrites;
  private final RebuildProgress progress;
  private final Clock clock;

  ReplayReceiver(
      MessageReceiver handler,
      Instant until,
      Set<String> typesWithoutWrites,
      RebuildProgress progress,
      Clock clock) {
    this.handler = handler;
    this.until = until;
    this.typesWithoutWrites = Set.copyOf(typesWithoutWrites);
    this.progress = progress;
    this.clock = clock;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer consumer) {
    Instant published = PublishTime.of(message, clock.instant());
    if (published.isAfter(until)) {
      progress.beyondUntil();
      consumer.ack();
      return;
    }
    String type = message.getAttributesMap().get(Attributes.EVENT_TYPE);
    if (type != null && typesWithoutWrites.contains(type)) {
      progress.notInTables(published);
      consumer.ack();
      return;
    }
    String id = message.getMessageId();
    progress.received(id, published);
    handler.receiveMessage(
        message,
        new AckReplyConsumer() {
          @Override
          public void ack() {
            progress.settled(id);
            consumer.ack();
          }

          @Override
          public void nack() {
            progress.redelivery();
            consumer.nack();
          }
        });
  }
}
