package io.lagline.producer.cli;

import io.lagline.config.ConfigException;
import io.lagline.logging.LogSetup;
import io.lagline.pubsub.PubSubConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code producer} command line: {@code producer publish --topic projects/P/topics/T
 * [--emulator HOST:PORT] [--file events.jsonl]}. Errors at the edges end with one line naming the
 * cause and the fix, not a stack trace.
 */
@Command(
    name = "producer",
    mixinStandardHelpOptions = true,
    version = "lagline producer 0.1.0",
    description = "Validates Lagline events and publishes them to Pub/Sub.")
public final class ProducerMain implements Callable<Integer> {
  /** Every line was published. */
  public static final int OK = 0;

  /** Some lines were rejected as invalid, or some publishes failed. */
  public static final int REJECTED_OR_FAILED = 1;

  /** The command line or a setting is wrong; nothing was published. */
  public static final int USAGE = 2;

  /**
   * Pub/Sub cannot be used: emulator unreachable, no credentials, topic not found, access denied.
   */
  public static final int PUBSUB_UNUSABLE = 3;

  /** An unexpected error: a bug. */
  public static final int INTERNAL_ERROR = 4;

  @Spec private CommandSpec spec;

  private ProducerMain() {}

  public static void main(String[] args) {
    LogSetup.init();
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command line with the given streams and returns its exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine commandLine =
        new CommandLine(new ProducerMain())
            .addSubcommand(new PublishCommand(in))
            .setOut(outWriter)
            .setErr(errWriter)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(ProducerMain::badArguments)
            .setExecutionExceptionHandler(ProducerMain::failed);
    int code = commandLine.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: missing command; run 'producer publish --help'");
    return USAGE;
  }

  private static int badArguments(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("error: " + e.getMessage());
    command
        .getErr()
        .println("run '" + command.getCommandSpec().qualifiedName() + " --help' for usage");
    return USAGE;
  }

  private static int failed(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    if (e instanceof UsageException || e instanceof ConfigException) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
    if (e instanceof PubSubConnectionException) {
      err.println("error: " + e.getMessage());
      return PUBSUB_UNUSABLE;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("error: cannot read the input: " + e.getMessage());
      return USAGE;
    }
    err.println("error: unexpected failure, please report it: " + e);
    e.printStackTrace(err);
    return INTERNAL_ERROR;
  }
}
