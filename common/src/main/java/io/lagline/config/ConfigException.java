package io.lagline.config;

import io.lagline.error.LaglineException;
import java.util.List;
import java.util.stream.Collectors;

/** Invalid configuration: every problem found at once, each naming its key, value and rule. */
public final class ConfigException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order they were found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(List<ConfigProblem> problems) {
    return "invalid configuration ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):"
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }
}
