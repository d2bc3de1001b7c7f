package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.SnapshotName;
import io.lagline.pubsub.admin.Snapshots;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reconciler snapshot delete NAME}: deletes a snapshot. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a snapshot.",
      "Exit codes: 0 deleted, 1 a failure (no such snapshot), 2 bad configuration or NAME."
    })
final class SnapshotDeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "NAME",
      description =
          "A snapshot id (in the project of ${bundle:PUBSUB_SUBSCRIPTION}) or a full name,"
              + " projects/P/snapshots/ID.")
  String name;

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    SnapshotName snapshot = SnapshotLines.name(name, loaded.pubsub().projectId());
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        Snapshots snapshots = Snapshots.open(connection)) {
      snapshots.delete(snapshot);
    }
    spec.commandLine().getOut().println("snapshot " + snapshot + ": deleted");
    return 0;
  }
}
