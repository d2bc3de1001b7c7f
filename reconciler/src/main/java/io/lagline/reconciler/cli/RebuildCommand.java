package io.lagline.reconciler.cli;

import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC;

import io.lagline.cli.CommonOptions;
import io.lagline.cli.ExitCodes;
import io.lagline.cli.StopSignals;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.rebuild.Rebuild;
import io.lagline.reconciler.rebuild.RebuildPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler rebuild}: makes Cassandra a projection of the retained stream again, from a
 * time, from the restored data's own watermark, or from a snapshot. Exit 0 when every message of
 * the window settled, 1 when some events failed (poison met) or the rebuild failed, 2 on bad input,
 * 130 when stopped by a signal.
 */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Replay the retained stream of ${bundle:PUBSUB_TOPIC} into Cassandra: a subscription of the"
          + " rebuild's own is created, sought back, read with the reconciler's decoding, mapping"
          + " and conditional writes until every message published before --until is settled, and"
          + " deleted. Safe beside running reconcilers: rows only ever move to newer versions.",
      "Exit codes: 0 done, 1 some events failed (poison met again) or the rebuild failed,"
          + " 2 bad input, 130 stopped by a signal (run it again: it starts over, safely)."
    })
final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Start start;

  static final class Start {
    @Option(
        names = "--since",
        paramLabel = "TIME|DURATION",
        description =
            "Replay messages published from this time (2026-12-01T10:00:00Z) or this long ago"
                + " (6h); within the topic's retention (${bundle:PUBSUB_TOPIC_RETENTION}).")
    String since;

    @Option(
        names = "--since-watermark",
        description =
            "Replay from where the data in Cassandra had got to: the producers' last heartbeats in"
                + " lagline_heartbeats, minus --margin. For a restore from a backup.")
    boolean sinceWatermark;

    @Option(
        names = "--snapshot",
        paramLabel = "NAME",
        description =
            "Replay from a snapshot (`reconciler snapshot create`): what the reconcilers had not"
                + " acked when it was taken, and everything after.")
    String snapshot;
  }

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description =
          "Rebuild only messages published up to this time; later ones are left to the running"
              + " reconcilers. Default: when the rebuild starts.")
  String until;

  @Option(
      names = "--margin",
      paramLabel = "DURATION",
      description =
          "With --since-watermark: how far before the watermark to start (default: "
              + RebuildOptions.DEFAULT_MARGIN_TEXT
              + "). Must exceed the longest any event waited to be settled around the backup.")
  String margin;

  @Option(
      names = "--tables",
      paramLabel = "T",
      split = ",",
      description =
          "Write only these tables of the mapping (backfill a new one); the others are not"
              + " touched. Default: every table.")
  List<String> tables;

  @Option(
      names = "--keyspace",
      paramLabel = "K",
      description =
          "Rebuild into this keyspace instead of ${bundle:CASSANDRA_KEYSPACE}, created from the"
              + " mapping's DDL if missing: a side-by-side copy to compare before switching"
              + " readers.")
  String keyspace;

  @Option(
      names = "--dead-letter-poison",
      description =
          "Dead-letter the poison met again, marked dlq_rebuild=true. Default: counted only (it"
              + " was dead-lettered when first seen).")
  boolean deadLetterPoison;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description =
          "Serve /metrics (and health) on this port of ${bundle:ADMIN_HOST}; 0, the default, picks"
              + " a free one and prints it.")
  int metricsPort;

  @Option(
      names = "--dry-run",
      description = "Check every option and print the plan; create and write nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    CommandConfig.require(
        loaded.pubsub().topic(),
        PUBSUB_TOPIC,
        common.config(),
        "rebuild",
        "the topic whose retained messages are replayed");
    RebuildOptions options =
        new RebuildOptions(
            start.since,
            start.sinceWatermark,
            start.snapshot,
            until,
            margin,
            tables,
            keyspace,
            deadLetterPoison,
            metricsPort);
    RebuildPlan plan = options.plan(loaded, Instant.now());
    plan.lines().forEach(out::println);
    if (dryRun) {
      out.println("dry run:       nothing created or written");
      return ExitCodes.OK;
    }
    options.prepareKeyspace(loaded, plan);
    Rebuild rebuild = new Rebuild(loaded, plan, out);
    AtomicInteger signals = new AtomicInteger();
    StopSignals.trap(
        () -> {
          if (signals.incrementAndGet() > 1) {
            // a second signal: no drain, no clean-up; a rebuild started again starts over anyway
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
          }
          rebuild.stop();
        });
    Rebuild.Result result = rebuild.run();
    result.report().forEach(out::println);
    return switch (result.ending()) {
      case DONE -> result.poison() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
      case STOPPED -> ExitCodes.INTERRUPTED;
      case FAILED -> ExitCodes.FAILURE;
    };
  }
}
