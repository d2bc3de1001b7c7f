package io.lagline.reconciler.intake;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.reconciler.apply.Classification;
import io.lagline.reconciler.apply.ErrorClassifier;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.intake.InFlightMessages.Reply;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter path of {@link MessageHandler}: a poison message is acked only once the
 * dead-letter topic has confirmed its copy; if parking fails it is nacked, so Pub/Sub redelivers it
 * and parking is tried again. Never acked unparked.
 */
final class PoisonParking {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

  private final DeadLetterSink sink;
  private final DeadLetterMetrics deadLetterMetrics;
  private final MessageMetrics metrics;
  private final Replies replies;

  PoisonParking(
      DeadLetterSink sink,
      DeadLetterMetrics deadLetterMetrics,
      MessageMetrics metrics,
      Replies replies) {
    this.sink = sink;
    this.deadLetterMetrics = deadLetterMetrics;
    this.metrics = metrics;
    this.replies = replies;
  }

  void park(
      PubsubMessage message,
      Reply reply,
      String eventType,
      Instant received,
      String reason,
      String detail) {
    if (!sink.parks()) {
      LOG.info(
          "message {} is poison ({}), met again by a rebuild: counted, not dead-lettered again: {}",
          message.getMessageId(),
          reason,
          detail);
      sink.park(message, reason, detail, received)
          .whenComplete(
              (id, error) -> {
                if (error == null) {
                  replies.ack(reply);
                } else {
                  replies.nack(reply);
                }
              });
      return;
    }
    LOG.warn("message {} is poison ({}): {}", message.getMessageId(), reason, detail);
    sink.park(message, reason, detail, received)
        .whenComplete(
            (parkedId, error) -> {
              if (error == null) {
                LOG.info(
                    "message {} dead-lettered as {} ({})",
                    message.getMessageId(),
                    parkedId,
                    reason);
                deadLetterMetrics.deadLettered(reason);
                metrics.event(eventType, "dead_lettered");
                replies.ack(reply);
              } else {
                LOG.error(
                    "could not dead-letter message {} ({}); nacked: {}",
                    message.getMessageId(),
                    reason,
                    error.toString());
                Classification verdict = ErrorClassifier.classify(error);
                metrics.failure(verdict.errorClass().tag(), "dead_letter_publish");
                metrics.event(eventType, "failed");
                replies.nack(reply);
              }
            });
  }
}
