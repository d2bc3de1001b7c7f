package io.lagline.reconciler.cli;

import io.lagline.cli.ExitCodes;
import io.lagline.pubsub.republish.TopicRepublisher;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterCollector.Collected;
import io.lagline.reconciler.deadletter.DeadLetterLines;
import io.lagline.reconciler.deadletter.DeadLetterSelection;
import io.lagline.reconciler.deadletter.ReplayReport;
import io.lagline.reconciler.deadletter.Replayer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler dlq replay}: republishes chosen dead letters to {@code pubsub.topic} with their
 * original data and attributes, and acks each on the dead-letter subscription only once its publish
 * is confirmed. The others are released, never acked.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Republish dead letters to ${bundle:PUBSUB_TOPIC} (original data and attributes, dlq_*"
          + " removed);"
          + " each is acked on the dead-letter subscription only after its publish is confirmed.",
      "Exit code 1 when any publish failed (those stay parked)."
    })
final class DlqReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DlqOptions options;

  @Option(names = "--dry-run", description = "Print what would be replayed; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    DeadLetterSelection selection = options.selection(spec, DeadLetterSelection.UNLIMITED);
    ReconcilerConfig config = ConfigLoader.load(options.common.config(), System.getenv());
    String topic =
        CommandConfig.require(
            config.pubsub().topic(),
            ReconcilerKey.PUBSUB_TOPIC,
            options.common.config(),
            "dlq replay",
            "the topic dead letters are republished to");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (DlqSession session = DlqSession.open(config, options.common.config(), "dlq replay")) {
      Collected collected = session.collector().collect(selection);
      session.lease.release(collected.skippedAckIds());
      if (dryRun) {
        collected.chosen().forEach(l -> out.println("would replay " + DeadLetterLines.line(l)));
        out.println(DeadLetterLines.dryRunSummary(collected));
        return 0; // closing the session releases the chosen ones
      }
      ReplayReport report;
      try (TopicRepublisher republisher =
          TopicRepublisher.create(session.connection, topic, ReconcilerKey.PUBSUB_TOPIC)) {
        Duration confirmTimeout = TopicRepublisher.PUBLISH_TIMEOUT.plusSeconds(30);
        report =
            new Replayer(republisher, session.lease, confirmTimeout)
                .replay(collected.chosen(), collected.skippedAckIds().size());
      }
      report.replayed().forEach(r -> out.println(DeadLetterLines.replayed(r)));
      report.failures().forEach(f -> err.println(DeadLetterLines.failed(f)));
      out.println(report.summary());
      return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
