package io.lagline.reconciler.admin;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One readiness condition, e.g. "subscribed" or "cassandra".
 *
 * @param name short stable name shown in the readiness report
 * @param problem why the condition does not hold now (an empty string when there is nothing to add
 *     to the name), or empty when it holds; must be cheap and must not block
 */
public record HealthCheck(String name, Supplier<Optional<String>> problem) {
  /** A condition with nothing to say beyond its name when it fails. */
  public static HealthCheck of(String name, BooleanSupplier condition) {
    return new HealthCheck(
        name, () -> condition.getAsBoolean() ? Optional.empty() : Optional.of(""));
  }

  /** Evaluates the condition. */
  public boolean healthy() {
    return failure().isEmpty();
  }

  /** The failure as reported: the name, then why if known; empty when the condition holds. */
  public Optional<String> failure() {
    return problem.get().map(why -> why.isEmpty() ? name : name + " (" + why + ")");
  }
}
