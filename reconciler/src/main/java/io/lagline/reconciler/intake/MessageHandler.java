package io.lagline.reconciler.intake;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.InvalidEventException;
import io.lagline.reconciler.apply.ErrorClass;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.mapping.MappingException;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles each pulled message without blocking the subscriber's threads: decode, apply, and reply
 * only once Cassandra has answered. A message is acked only after every write of its event is
 * confirmed (applied, duplicate or stale); any failure nacks it, so Pub/Sub redelivers it.
 */
public final class MessageHandler implements MessageReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

  private final EventApplier applier;
  private final ReconcilerMetrics metrics;
  private final Clock clock;

  /**
   * @param applier writes the events
   * @param metrics counts outcomes and lag
   * @param clock the time Cassandra's confirmation is stamped with
   */
  public MessageHandler(EventApplier applier, ReconcilerMetrics metrics, Clock clock) {
    this.applier = applier;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer reply) {
    metrics.messageReceived();
    Map<String, String> attributes = message.getAttributesMap();
    String eventType = attributes.get(Attributes.EVENT_TYPE);
    try (MDC.MDCCloseable m = MDC.putCloseable("message_id", message.getMessageId());
        MDC.MDCCloseable e = MDC.putCloseable("event_id", attributes.get(Attributes.EVENT_ID))) {
      Event event;
      try {
        event = EventCodec.decode(attributes, message.getData().toByteArray());
      } catch (InvalidEventException invalid) {
        rejected(message, reply, eventType, "invalid_event", invalid.getMessage());
        return;
      }
      LOG.debug(
          "applying {} v{} of {}", event.eventType(), event.entityVersion(), event.entityKey());
      applier
          .apply(event, attributes)
          .whenComplete((result, error) -> completeOrNack(message, reply, event, result, error));
    } catch (RuntimeException unexpected) {
      LOG.error(
          "unexpected failure handling message {}; it will be redelivered",
          message.getMessageId(),
          unexpected);
      metrics.event(eventType, "failed");
      nack(reply);
    }
  }

  private void completeOrNack(
      PubsubMessage message,
      AckReplyConsumer reply,
      Event event,
      EventResult result,
      Throwable error) {
    try {
      complete(message, reply, event, result, error);
    } catch (RuntimeException unexpected) {
      // never leave a message unanswered: it would sit out its whole ack extension
      LOG.error(
          "unexpected failure completing message {}; nacked", message.getMessageId(), unexpected);
      nack(reply);
    }
  }

  private void complete(
      PubsubMessage message,
      AckReplyConsumer reply,
      Event event,
      EventResult result,
      Throwable error) {
    try (MDC.MDCCloseable m = MDC.putCloseable("message_id", message.getMessageId());
        MDC.MDCCloseable e = MDC.putCloseable("event_id", event.eventId())) {
      if (error == null) {
        metrics.consistencyLag(
            event.eventType(), Duration.between(publishTime(message), clock.instant()));
        metrics.event(event.eventType(), result.outcome().tag());
        LOG.debug(
            "{} v{} of {}: {}",
            event.eventType(),
            event.entityVersion(),
            event.entityKey(),
            result.outcome());
        ack(reply);
        return;
      }
      Throwable cause = ErrorClassifier.unwrap(error);
      ErrorClass errorClass = ErrorClassifier.classify(cause);
      if (cause instanceof MappingException mapping) {
        rejected(message, reply, event.eventType(), mapping.reason(), mapping.getMessage());
        return;
      }
      LOG.warn(
          "{} v{} of {} not written ({}: {}); nacked for redelivery",
          event.eventType(),
          event.entityVersion(),
          event.entityKey(),
          errorClass.tag(),
          cause.toString());
      metrics.failure(errorClass.tag(), cause.getClass().getSimpleName());
      metrics.event(event.eventType(), "failed");
      nack(reply);
    }
  }

  private void rejected(
      PubsubMessage message,
      AckReplyConsumer reply,
      String eventType,
      String reason,
      String detail) {
    // a poison event is never acked unwritten: it goes back to Pub/Sub, whose dead-letter policy
    // parks it
    LOG.warn("message {} rejected ({}): {}", message.getMessageId(), reason, detail);
    metrics.failure(ErrorClass.PERMANENT.tag(), reason);
    metrics.event(eventType, "invalid");
    nack(reply);
  }

  private void ack(AckReplyConsumer reply) {
    reply.ack();
    metrics.reply(true);
    metrics.messageDone();
  }

  private void nack(AckReplyConsumer reply) {
    reply.nack();
    metrics.reply(false);
    metrics.messageDone();
  }

  private Instant publishTime(PubsubMessage message) {
    Timestamp ts = message.getPublishTime();
    if (ts.getSeconds() == 0 && ts.getNanos() == 0) {
      return clock.instant();
    }
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }
}
