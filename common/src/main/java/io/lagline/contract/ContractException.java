package io.lagline.contract;

import io.lagline.error.LaglineException;
import java.util.List;

/**
 * A contracts directory that cannot be loaded: each problem names the schema file at fault and what
 * is wrong with it, one per line.
 */
public final class ContractException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public ContractException(String source, List<String> problems) {
    super("cannot load the event contracts in " + source + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one per schema file at fault. */
  public List<String> problems() {
    return problems;
  }
}
