package io.lagline.reconciler.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler snapshot}: pins the main subscription's position under a name (create), shows
 * the pinned positions (list) and forgets one (delete), for {@code rebuild --snapshot}.
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Create, list or delete Pub/Sub snapshots of ${bundle:PUBSUB_SUBSCRIPTION}.",
      SnapshotLines.EXPIRY_NOTE
    },
    subcommands = {
      SnapshotCreateCommand.class,
      SnapshotListCommand.class,
      SnapshotDeleteCommand.class
    })
final class SnapshotCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
