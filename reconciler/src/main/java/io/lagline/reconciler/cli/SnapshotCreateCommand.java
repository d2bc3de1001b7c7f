package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.SnapshotName;
import io.lagline.pubsub.admin.Snapshots;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reconciler snapshot create NAME}: snapshots the main subscription. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Snapshot ${bundle:PUBSUB_SUBSCRIPTION}: a seek to it delivers again what is unacked now"
          + " and everything published later.",
      "Exit codes: 0 created, 1 a failure (it exists already, no such subscription), 2 bad"
          + " configuration or NAME."
    })
final class SnapshotCreateCommand implements Callable<Integer> {
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
    String subscription = loaded.pubsub().subscription();
    PrintWriter out = spec.commandLine().getOut();
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        Snapshots snapshots = Snapshots.open(connection)) {
      out.println(SnapshotLines.created(snapshots.create(snapshot, subscription), subscription));
    }
    out.println("note: " + SnapshotLines.EXPIRY_NOTE);
    return 0;
  }
}
