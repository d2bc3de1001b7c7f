package io.lagline.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every Lagline command that reads configuration shares, added with {@code @Mixin
 * CommonOptions common;}: {@code --config FILE} and {@code --verbose} (print the stack trace of an
 * error, not only its message; see {@link CliErrors}).
 */
public final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML config file; every key can be overridden by a LAGLINE_* environment variable.")
  private Path config;

  @Option(
      names = "--verbose",
      description = "On an error, print its stack trace too, not only the cause and the fix.")
  private boolean verbose;

  /** The config file given with {@code --config}, or null to configure from the environment. */
  public Path config() {
    return config;
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  /**
   * The options of {@code command} (mixed in directly or through another mixin), or the defaults
   * when it has none.
   */
  public static CommonOptions of(CommandLine command) {
    CommonOptions found = find(command.getCommandSpec());
    return found == null ? new CommonOptions() : found;
  }

  private static CommonOptions find(CommandSpec spec) {
    for (CommandSpec mixin : spec.mixins().values()) {
      CommonOptions found =
          mixin.userObject() instanceof CommonOptions options ? options : find(mixin);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
