package io.lagline.producer.cli;

import io.lagline.cli.CliErrors;
import io.lagline.cli.ExitCodes;
import io.lagline.logging.LogSetup;
import io.lagline.pubsub.PubSubConnectionException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code producer} command line: {@code producer publish --topic projects/P/topics/T
 * [--emulator HOST:PORT] [--file events.jsonl] [--config FILE]}, {@code producer serve [--config
 * FILE]} (the HTTP ingest service) and {@code producer contract check [--against GIT_REF] [--dir
 * contracts]}. Errors end with one line naming the cause and the fix, not a stack trace ({@link
 * CliErrors}); exit codes are {@link ExitCodes}'s, with Pub/Sub unusable as {@link
 * ExitCodes#UNAVAILABLE}.
 */
@Command(
    name = "producer",
    mixinStandardHelpOptions = true,
    version = "lagline producer 0.1.0",
    description =
        "Validates Lagline events and publishes them to Pub/Sub; checks changes of the event"
            + " contracts.")
public final class ProducerMain implements Callable<Integer> {
  /** The producer's exit codes: the standard ones, and Pub/Sub unusable. */
  public static final ExitCodes EXIT_CODES =
      ExitCodes.standard().with(PubSubConnectionException.class, ExitCodes.UNAVAILABLE);

  @Spec private CommandSpec spec;

  private ProducerMain() {}

  public static void main(String[] args) {
    LogSetup.init();
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command line with the given streams and returns its exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, System.getenv());
  }

  static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    int code = commandLine(in, env, outWriter, errWriter).execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** The command line, reading events from {@code in} and settings from {@code env}. */
  public static CommandLine commandLine(
      InputStream in, Map<String, String> env, PrintWriter out, PrintWriter err) {
    return commandLine(in, env, Path.of("").toAbsolutePath(), out, err);
  }

  /** The command line, with relative paths of {@code producer contract} against {@code cwd}. */
  static CommandLine commandLine(
      InputStream in, Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err) {
    CommandLine contract =
        new CommandLine(new ContractCommand()).addSubcommand(new ContractCheckCommand(cwd));
    CommandLine commandLine =
        new CommandLine(new ProducerMain())
            .addSubcommand(new PublishCommand(in, env))
            .addSubcommand(new ServeCommand(env))
            .addSubcommand(contract)
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true);
    return CliErrors.install(commandLine, EXIT_CODES);
  }

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "error: missing command; run 'producer publish --help', 'producer serve --help' or"
                + " 'producer contract check --help'");
    return ExitCodes.USAGE;
  }
}
