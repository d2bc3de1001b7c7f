package io.lagline.reconciler.cli;

import io.lagline.config.ConfigException;
import io.lagline.error.LaglineException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/reconciler}: {@code run}, {@code schema}, {@code provision}, {@code
 * dlq} and {@code audit}.
 */
@Command(
    name = "reconciler",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Makes Cassandra a projection of a Pub/Sub event stream.",
    subcommands = {
      RunCommand.class,
      SchemaCommand.class,
      ProvisionCommand.class,
      DlqCommand.class,
      AuditCommand.class
    })
public final class ReconcilerMain implements Runnable {
  /** Exit code for bad configuration or usage. */
  public static final int EXIT_CONFIG = 2;

  /** Exit code for a failure at start-up or while running. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    io.lagline.logging.LogSetup.init();
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ReconcilerMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException config) {
            commandLine.getErr().println(config.getMessage());
            return EXIT_CONFIG;
          }
          if (ex instanceof LaglineException lagline) {
            commandLine.getErr().println("error: " + lagline.getMessage());
            return EXIT_FAILURE;
          }
          throw ex;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
