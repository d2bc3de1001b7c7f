package io.lagline.reconciler.intake;

import io.lagline.reconciler.intake.InFlightMessages.Reply;

/**
 * Answers held messages: each ack or nack is counted once, and the message stops being in flight.
 */
final class Replies {
  private final InFlightMessages inFlight;
  private final MessageMetrics metrics;

  Replies(InFlightMessages inFlight, MessageMetrics metrics) {
    this.inFlight = inFlight;
    this.metrics = metrics;
  }

  void ack(Reply reply) {
    if (reply.ack()) {
      metrics.reply(true);
      metrics.messageDone();
    }
    inFlight.done(reply);
  }

  void nack(Reply reply) {
    if (reply.nack()) {
      metrics.reply(false);
      metrics.messageDone();
    }
    inFlight.done(reply);
  }
}
