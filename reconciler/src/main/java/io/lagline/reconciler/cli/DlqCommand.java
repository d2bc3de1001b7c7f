package io.lagline.reconciler.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reconciler dlq}: looks at, and replays, what sits on the dead-letter subscription. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description =
        "Inspect (list) or republish (replay) the messages on"
            + " ${bundle:PUBSUB_DEAD_LETTER_SUBSCRIPTION}.",
    subcommands = {DlqListCommand.class, DlqReplayCommand.class})
final class DlqCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
