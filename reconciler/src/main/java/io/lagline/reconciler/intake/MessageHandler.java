package io.lagline.reconciler.intake;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.contract.Contracts;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.Heartbeat;
import io.lagline.pubsub.PublishTime;
import io.lagline.reconciler.apply.Classification;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.intake.InFlightMessages.Reply;
import io.lagline.reconciler.notify.Notifier;
import io.lagline.reconciler.watermark.Watermarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles each pulled message without blocking the subscriber's threads: decode (and, with payload
 * schemas, check the payload against its schema), apply, notify, and reply only once the outcome is
 * certain. A message is acked only after every write of its event is confirmed (applied, duplicate,
 * stale or superseded) and, with the reconciled stream on, its notification is confirmed by
 * Pub/Sub; or after a poison event has been published to the dead-letter topic. Any other failure
 * nacks it, so Pub/Sub redelivers it. While draining for shutdown, new deliveries are nacked at
 * once.
 */
public final class MessageHandler implements MessageReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);
  private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  private final EventApplier applier;
  private final Notifier notifier;
  private final MessageMetrics metrics;
  private final Clock clock;
  private final Watermarks watermarks;
  private final long budgetNanos;
  private final Optional<Contracts> contracts;
  private final InFlightMessages inFlight = new InFlightMessages();
  private final Replies replies;
  private final PoisonParking parking;
  private final ReceiveLag receiveLag;
  private volatile boolean draining;

  /**
   * @param applier writes the events
   * @param notifier publishes the reconciled stream's notification of each settled event
   * @param deadLetters where poison events are parked
   * @param metrics counts outcomes and lag
   * @param deadLetterMetrics counts the poison events parked
   * @param clock the time Cassandra's confirmation is stamped with
   * @param watermarks told of every heartbeat made durable
   * @param maxAckExtension how long the subscriber keeps a message leased; writes give up a little
   *     before, so the message is nacked rather than silently redelivered
   * @param contracts when given, each event's payload is checked against its schema: one that
   *     breaks it is dead-lettered as {@code schema_violation}
   */
  public MessageHandler(
      EventApplier applier,
      Notifier notifier,
      DeadLetterSink deadLetters,
      MessageMetrics metrics,
      DeadLetterMetrics deadLetterMetrics,
      Clock clock,
      Watermarks watermarks,
      Duration maxAckExtension,
      Optional<Contracts> contracts) {
    this.contracts = contracts;
    this.applier = applier;
    this.notifier = notifier;
    this.metrics = metrics;
    this.replies = new Replies(inFlight, metrics);
    this.parking = new PoisonParking(deadLetters, deadLetterMetrics, metrics, replies);
    this.clock = clock;
    this.watermarks = watermarks;
    metrics.oldestInFlight(inFlight::oldestAgeSeconds);
    this.receiveLag = new ReceiveLag(clock);
    metrics.receiveLag(receiveLag::seconds);
    Duration tenth = maxAckExtension.dividedBy(10);
    Duration margin = tenth.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : tenth;
    this.budgetNanos = maxAckExtension.minus(margin).toNanos();
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer consumer) {
    metrics.messageReceived();
    Reply reply = inFlight.track(consumer);
    Instant received = clock.instant();
    receiveLag.received(PublishTime.of(message, received));
    long deadline = System.nanoTime() + budgetNanos;
    Map<String, String> attributes = message.getAttributesMap();
    String eventType = attributes.get(Attributes.EVENT_TYPE);
    try (MDC.MDCCloseable m = MDC.putCloseable("message_id", message.getMessageId());
        MDC.MDCCloseable e = MDC.putCloseable("event_id", attributes.get(Attributes.EVENT_ID))) {
      if (draining) {
        replies.nack(reply);
        return;
      }
      Event event;
      try {
        event = EventCodec.decode(attributes, message.getData().toByteArray());
        if (contracts.isPresent()) {
          contracts.get().check(event);
        }
      } catch (RuntimeException invalid) {
        failed(message, reply, eventType, received, invalid);
        return;
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "applying {} v{} of {}", event.eventType(), event.entityVersion(), event.entityKey());
      }
      applier
          .apply(event, attributes, deadline)
          .whenComplete(
              (result, error) ->
                  complete(message, reply, event, received, deadline, result, error));
    } catch (RuntimeException unexpected) {
      LOG.error(
          "unexpected failure handling message {}; it will be redelivered",
          message.getMessageId(),
          unexpected);
      metrics.event(eventType, "failed");
      replies.nack(reply);
    }
  }

  private void complete(
      PubsubMessage message,
      Reply reply,
      Event event,
      Instant received,
      long deadline,
      EventResult result,
      Throwable error) {
    try (MDC.MDCCloseable m = MDC.putCloseable("message_id", message.getMessageId());
        MDC.MDCCloseable e = MDC.putCloseable("event_id", event.eventId())) {
      if (error != null) {
        failed(message, reply, event.eventType(), received, error);
        return;
      }
      Instant published = PublishTime.of(message, clock.instant());
      Instant durable = clock.instant();
      metrics.consistencyLag(event.eventType(), Duration.between(published, durable));
      if (Heartbeat.is(event.eventType())) {
        watermarks.durable(event.entityKey(), published);
        settled(reply, event, result);
        return;
      }
      notifier
          .notify(message, event, result, durable, deadline)
          .whenComplete(
              (ok, notifyError) -> {
                if (notifyError == null) {
                  settled(reply, event, result);
                } else {
                  notificationFailed(message, reply, event, notifyError);
                }
              });
    } catch (RuntimeException unexpected) {
      // never leave a message unanswered: it would sit out its whole ack extension
      LOG.error(
          "unexpected failure completing message {}; nacked", message.getMessageId(), unexpected);
      replies.nack(reply);
    }
  }

  private void settled(Reply reply, Event event, EventResult result) {
    metrics.event(event.eventType(), result.outcome().tag());
    replies.ack(reply);
  }

  /** The writes are durable but the notification is not confirmed: redelivery notifies again. */
  private void notificationFailed(
      PubsubMessage message, Reply reply, Event event, Throwable error) {
    Throwable cause = ErrorClassifier.unwrap(error);
    Classification verdict = ErrorClassifier.classify(cause);
    metrics.failure(verdict.errorClass().tag(), MessageMetrics.NOTIFICATION_PUBLISH);
    LOG.warn(
        "message {} written but its notification was not confirmed ({}: {}); nacked for"
            + " redelivery{}",
        message.getMessageId(),
        verdict.reason(),
        cause.toString(),
        verdict.reason().equals("pubsub_setup")
            ? " (check that "
                + ReconcilerKey.PUBSUB_RECONCILED_TOPIC.path()
                + " exists, e.g. `bin/reconciler provision`, and that the reconciler may publish"
                + " to it: roles/pubsub.publisher)"
            : "");
    metrics.event(event.eventType(), "failed");
    replies.nack(reply);
  }

  private void failed(
      PubsubMessage message, Reply reply, String eventType, Instant received, Throwable error) {
    Throwable cause = ErrorClassifier.unwrap(error);
    Classification verdict = ErrorClassifier.classify(cause);
    metrics.failure(verdict.errorClass().tag(), verdict.reason());
    if (verdict.permanent()) {
      parking.park(message, reply, eventType, received, verdict.reason(), cause.getMessage());
      return;
    }
    LOG.warn(
        "message {} not written ({} {}: {}); nacked for redelivery",
        message.getMessageId(),
        verdict.errorClass().tag(),
        verdict.reason(),
        cause.toString());
    metrics.event(eventType, "failed");
    replies.nack(reply);
  }

  /**
   * Stops taking work and waits up to {@code timeout} for messages in flight to finish; nacks the
   * rest so Pub/Sub redelivers them at once.
   *
   * @return how many messages had to be nacked
   */
  public int drain(Duration timeout) throws InterruptedException {
    draining = true;
    boolean finished = inFlight.awaitEmpty(timeout);
    if (finished) {
      return 0;
    }
    int nacked = inFlight.nackAll();
    for (int i = 0; i < nacked; i++) {
      metrics.reply(false);
      metrics.messageDone();
    }
    return nacked;
  }

  /** Messages received and not yet replied to. */
  public int inFlight() {
    return inFlight.size();
  }

  /** Seconds messages have been held with none acked or nacked; 0 when none is held. */
  public double stalledSeconds() {
    return inFlight.stalledSeconds();
  }

  /**
   * Why intake counts as stalled, for readiness: messages held and none replied to for {@code
   * timeout} or longer; empty otherwise.
   */
  public Optional<String> stall(Duration timeout) {
    double seconds = stalledSeconds();
    if (seconds < timeout.toMillis() / 1000.0) {
      return Optional.empty();
    }
    return Optional.of(
        "%d message(s) held and none acked or nacked for %.0f s (%s %s)"
            .formatted(
                inFlight.size(), seconds, ReconcilerKey.PUBSUB_STALL_TIMEOUT.path(), timeout));
  }
}
