package io.lagline.reconciler.apply;

import java.util.Locale;

/**
 * What a conditional write did. Each is a confirmed, durable answer from Cassandra: the message may
 * be acked.
 */
public enum WriteOutcome {
  /** The write changed the row (or inserted the fact). */
  APPLIED,
  /** The row already holds this event's version (or the fact already exists): a redelivery. */
  DUPLICATE,
  /** The row holds a newer version: the event arrived out of order and is superseded. */
  STALE,
  /**
   * The event was not written: a newer version of its entity (upsert-if-newer only) arrived while
   * it waited, and that version was written instead and is durable. Equivalent to stale.
   */
  SUPERSEDED;

  /** The value of the {@code outcome} metric tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
