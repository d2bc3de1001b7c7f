package io.lagline.consumer;

import io.lagline.event.Reconciled;
import java.util.Optional;

/**
 * What an event's primary write did, as a notification reports it in {@code reconciled_outcome}
 * ({@link Reconciled#OUTCOMES}).
 */
public enum Outcome {
  /** The event changed the row: the database shows the event's own version. */
  APPLIED("applied"),
  /** The row already held the event's version (a redelivery or a re-publish). */
  DUPLICATE("duplicate"),
  /** The row already held a newer version; the event changed nothing. */
  STALE("stale"),
  /** A newer version of the entity was written in its place (coalesced); it changed nothing. */
  SUPERSEDED("superseded");

  private final String wireName;

  Outcome(String wireName) {
    this.wireName = wireName;
  }

  /** The attribute value, e.g. {@code applied}. */
  public String wireName() {
    return wireName;
  }

  /** The outcome whose {@link #wireName()} is {@code value}, if any. */
  public static Optional<Outcome> fromWireName(String value) {
    for (Outcome outcome : values()) {
      if (outcome.wireName.equals(value)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }
}
