package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.reconciler.deadletter.DeadLetterSelection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code dlq list} and {@code dlq replay} share, the common ones included. */
final class DlqOptions {
  @Mixin CommonOptions common;

  @Option(
      names = "--reason",
      paramLabel = "CODE",
      description =
          "Only messages with this dlq_reason (max_delivery_attempts: those Pub/Sub forwarded by"
              + " itself).")
  String reason;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N messages (list: default 100; replay: default all).")
  Integer limit;

  /** The selection, with {@code defaultLimit} when {@code --limit} is not given. */
  DeadLetterSelection selection(CommandSpec spec, int defaultLimit) {
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
    }
    return new DeadLetterSelection(reason, limit == null ? defaultLimit : limit);
  }
}
