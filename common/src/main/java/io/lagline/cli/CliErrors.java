package io.lagline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every Lagline command line ends on an error: one message on stderr naming the cause and the
 * fix ({@code error: ...}), the stack trace only with {@code --verbose} or for an unexpected error
 * (a bug), and the exit code {@link ExitCodes} maps the error to.
 */
public final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final ExitCodes codes;

  private CliErrors(ExitCodes codes) {
    this.codes = codes;
  }

  /** Makes {@code commandLine} report errors this way, with {@code codes}; returns it. */
  public static CommandLine install(CommandLine commandLine, ExitCodes codes) {
    CliErrors errors = new CliErrors(codes);
    return commandLine.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    err.println("run '" + command.getCommandSpec().qualifiedName() + " --help' for usage");
    return codes.of(e);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int code = codes.of(e);
    if (code == ExitCodes.INTERNAL) {
      err.println("error: unexpected failure, please report it: " + e);
      e.printStackTrace(err);
    } else {
      err.println("error: " + e.getMessage());
      if (CommonOptions.of(command).verbose()) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return code;
  }
}
