package io.lagline.reconciler.cli;

import io.lagline.cli.CliErrors;
import io.lagline.cli.ExitCodes;
import io.lagline.logging.LogSetup;
import io.lagline.reconciler.mapping.ContractMismatchException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code bin/reconciler}: {@code run}, {@code schema}, {@code provision}, {@code
 * dlq}, {@code audit}, {@code rebuild} and {@code snapshot}. Errors end with one line naming the
 * cause and the fix ({@link CliErrors}); exit codes are {@link ExitCodes#standard()}: 2 for bad
 * configuration or usage, 1 for a failure at start-up or while running.
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
      AuditCommand.class,
      RebuildCommand.class,
      SnapshotCommand.class
    })
public final class ReconcilerMain implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LogSetup.init();
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The command line, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ReconcilerMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setResourceBundle(new KeyNames());
    // a mapping at odds with the payload schemas is a configuration error, as a bad mapping is
    return CliErrors.install(
        cli, ExitCodes.standard().with(ContractMismatchException.class, ExitCodes.USAGE));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
