package io.lagline.producer.cli;

import io.lagline.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code producer contract}: the commands on the event contracts in {@code contracts/}. */
@Command(
    name = "contract",
    mixinStandardHelpOptions = true,
    description =
        "Commands on the event contracts (JSON Schemas in contracts/<EventType>/<N>.json).")
final class ContractCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("error: missing command; run 'producer contract check --help'");
    return ExitCodes.USAGE;
  }
}
