package io.lagline.reconciler.deadletter;

/**
 * Which dead letters a {@code dlq} command acts on.
 *
 * @param reason only those with this {@link DeadLetter#reason() reason}, or null for every reason
 * @param limit at most this many (at least 1)
 */
public record DeadLetterSelection(String reason, int limit) {
  /** No limit: every matching message. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  public DeadLetterSelection {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (reason != null && reason.isBlank()) {
      reason = null;
    }
  }

  /** Whether {@code letter} has the reason asked for (the limit is applied by the collector). */
  public boolean matches(DeadLetter letter) {
    return reason == null || reason.equals(letter.reason());
  }

  /** How the selection reads in messages, e.g. {@code reason=missing_field limit=10}. */
  public String describe() {
    return "reason="
        + (reason == null ? "any" : reason)
        + " limit="
        + (limit == UNLIMITED ? "none" : String.valueOf(limit));
  }
}
