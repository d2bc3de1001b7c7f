package io.lagline.event;

import io.lagline.error.LaglineException;
import java.util.List;
import java.util.stream.Collectors;

/** An event that breaks the contract; carries every violation found, not only the first. */
public final class InvalidEventException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidEventException(List<Violation> violations) {
    super(describe(violations));
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
