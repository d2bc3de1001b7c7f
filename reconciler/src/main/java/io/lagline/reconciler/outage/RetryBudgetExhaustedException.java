package io.lagline.reconciler.outage;

import io.lagline.error.LaglineException;

/**
 * A write gave up because its message's ack-extension budget is spent: the message is handed back
 * to Pub/Sub (nacked) rather than held past the point where Pub/Sub would redeliver it anyway.
 */
public final class RetryBudgetExhaustedException extends LaglineException {
  private static final long serialVersionUID = 1L;

  public RetryBudgetExhaustedException(String message) {
    super(message);
  }
}
