package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.Snapshots;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reconciler snapshot list}: the snapshots of the main subscription's project. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Print the snapshots of the project of ${bundle:PUBSUB_SUBSCRIPTION}, one line each:"
          + " name, topic, expire time."
    })
final class SnapshotListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    String project = loaded.pubsub().projectId();
    List<Snapshots.Listed> listed;
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        Snapshots snapshots = Snapshots.open(connection)) {
      listed = snapshots.list(project);
    }
    PrintWriter out = spec.commandLine().getOut();
    listed.forEach(snapshot -> out.println(SnapshotLines.line(snapshot)));
    out.println(SnapshotLines.listSummary(listed.size(), project));
    return 0;
  }
}
