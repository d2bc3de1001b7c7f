package io.lagline.reconciler.admin;

import java.util.function.BooleanSupplier;

/**
 * One readiness condition, e.g. "subscribed" or "cassandra".
 *
 * @param name short stable name shown in the readiness report
 * @param condition true when the condition holds now; must be cheap and must not block
 */
public record HealthCheck(String name, BooleanSupplier condition) {
  /** Evaluates the condition. */
  public boolean healthy() {
    return condition.getAsBoolean();
  }
}
