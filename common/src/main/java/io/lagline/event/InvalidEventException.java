package io.lagline.event;

import io.lagline.error.LaglineException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event that breaks the contract; carries every violation found, not only the first. Its subtype
 * {@link io.lagline.contract.SchemaViolationException} is a payload that breaks its schema.
 */
public class InvalidEventException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidEventException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** With a message of the subtype's own; {@code violations} as for the public constructor. */
  protected InvalidEventException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  /** Every broken rule, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  static String describe(List<Violation> violations) {
    return "invalid event: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
