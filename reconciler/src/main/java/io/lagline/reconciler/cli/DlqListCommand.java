package io.lagline.reconciler.cli;

import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.deadletter.DeadLetterCollector.Collected;
import io.lagline.reconciler.deadletter.DeadLetterLines;
import io.lagline.reconciler.deadletter.DeadLetterSelection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler dlq list}: prints what sits on the dead-letter subscription without consuming
 * it. Every message read is held while the listing is collected, then released.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Print the dead letters, one line each, and a count per reason; they stay where they are.",
      "Each line: message_id, published, reason (dlq_reason), first_seen, event_type,"
          + " entity_key, event_id, detail."
    })
final class DlqListCommand implements Callable<Integer> {
  /** How many messages are listed without {@code --limit}. */
  static final int DEFAULT_LIMIT = 100;

  @Spec CommandSpec spec;

  @Mixin DlqOptions options;

  @Override
  public Integer call() {
    DeadLetterSelection selection = options.selection(spec, DEFAULT_LIMIT);
    ReconcilerConfig config = ConfigLoader.load(options.common.config(), System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    try (DlqSession session = DlqSession.open(config, options.common.config(), "dlq list")) {
      Collected collected = session.collector().collect(selection);
      collected.chosen().forEach(letter -> out.println(DeadLetterLines.line(letter)));
      session.lease.release(collected.allAckIds());
      out.println(DeadLetterLines.listSummary(collected, selection.limit()));
    }
    return 0;
  }
}
