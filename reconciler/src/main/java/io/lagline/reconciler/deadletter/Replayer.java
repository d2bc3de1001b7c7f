package io.lagline.reconciler.deadletter;

import io.lagline.pubsub.republish.Republisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Republishes chosen dead letters to the main topic with their original data and attributes, and
 * acks each on the dead-letter subscription only after Pub/Sub confirmed its publish. A message
 * whose publish failed is released, so it stays parked; nothing else is acked. A dead letter whose
 * data was dropped ({@link DeadLetterAttributes#DATA_DROPPED_BYTES}) is not replayed and stays.
 */
public final class Replayer {
  /** Acks sent per request while confirmations come in. */
  static final int ACK_BATCH = 100;

  private final Republisher republisher;
  private final LeaseKeeper lease;
  private final Duration confirmTimeout;

  /**
   * @param confirmTimeout how long to wait for one publish confirmation (the publisher gives up on
   *     its own after its publish timeout; this is the backstop)
   */
  public Replayer(Republisher republisher, LeaseKeeper lease, Duration confirmTimeout) {
    this.republisher = republisher;
    this.lease = lease;
    this.confirmTimeout = confirmTimeout;
  }

  /** Replays {@code chosen}; {@code skipped} is only counted (the caller releases those). */
  public ReplayReport replay(List<DeadLetter> chosen, int skipped) {
    List<CompletableFuture<String>> sent = new ArrayList<>();
    for (DeadLetter letter : chosen) {
      if (letter.attribute(DeadLetterAttributes.DATA_DROPPED_BYTES) != null) {
        sent.add(null); // nothing to republish
        continue;
      }
      try {
        sent.add(republisher.publish(letter.original()));
      } catch (RuntimeException e) {
        sent.add(CompletableFuture.failedFuture(e));
      }
    }
    List<ReplayReport.Replayed> replayed = new ArrayList<>();
    List<ReplayReport.Failure> failures = new ArrayList<>();
    List<ReplayReport.Replayed> unacked = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      DeadLetter letter = chosen.get(i);
      if (sent.get(i) == null) {
        failures.add(new ReplayReport.Failure(letter, dataDropped(letter) + release(letter)));
        continue;
      }
      Confirmation confirmation = await(sent.get(i));
      if (confirmation.error() != null) {
        failures.add(new ReplayReport.Failure(letter, confirmation.error() + release(letter)));
        continue;
      }
      unacked.add(new ReplayReport.Replayed(letter, confirmation.messageId()));
      if (unacked.size() >= ACK_BATCH) {
        ack(unacked, replayed, failures);
        unacked.clear();
      }
    }
    ack(unacked, replayed, failures);
    return new ReplayReport(replayed, skipped, failures);
  }

  private static String dataDropped(DeadLetter letter) {
    return "not replayed: its data ("
        + letter.attribute(DeadLetterAttributes.DATA_DROPPED_BYTES)
        + " bytes) was dropped when it was dead-lettered, too large for Pub/Sub with the dlq_*"
        + " attributes; republish the event from its source";
  }

  /** The new message id, or why there is none. */
  private record Confirmation(String messageId, String error) {}

  private Confirmation await(CompletableFuture<String> future) {
    String topic = republisher.topic();
    try {
      return new Confirmation(future.get(confirmTimeout.toNanos(), TimeUnit.NANOSECONDS), null);
    } catch (ExecutionException e) {
      return new Confirmation(null, "publish to " + topic + " failed: " + e.getCause());
    } catch (TimeoutException e) {
      return new Confirmation(
          null,
          "publish to " + topic + " not confirmed within " + confirmTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Confirmation(null, "interrupted while waiting for the publish to " + topic);
    }
  }

  /** Releases a message whose publish failed; returns a note when even that failed. */
  private String release(DeadLetter letter) {
    try {
      lease.release(List.of(letter.ackId()));
      return "";
    } catch (RuntimeException e) {
      return " (its release failed too; Pub/Sub redelivers it when the lease ends: " + e + ")";
    }
  }

  /** Acks confirmed replays; when the ack fails they were published but stay parked as well. */
  private void ack(
      List<ReplayReport.Replayed> confirmed,
      List<ReplayReport.Replayed> replayed,
      List<ReplayReport.Failure> failures) {
    if (confirmed.isEmpty()) {
      return;
    }
    try {
      lease.ack(confirmed.stream().map(r -> r.letter().ackId()).toList());
      replayed.addAll(confirmed);
    } catch (RuntimeException e) {
      for (ReplayReport.Replayed r : confirmed) {
        failures.add(
            new ReplayReport.Failure(
                r.letter(),
                "republished as "
                    + r.newMessageId()
                    + ", but the ack on the dead-letter subscription failed ("
                    + e.getMessage()
                    + "): it stays parked, and a later replay publishes it again (the reconciler"
                    + " drops the duplicate)"));
      }
    }
  }
}
