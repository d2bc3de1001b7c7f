package io.lagline.demo;

import io.lagline.cli.CliErrors;
import io.lagline.cli.ExitCodes;
import io.lagline.error.LaglineException;
import io.lagline.event.EventCodec;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/demo}: the fitness-tracker workload end to end on the local real stack (Pub/Sub
 * emulator and a Cassandra node), checked row by row. Exits 0 only when Cassandra converged to the
 * expected state.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a fitness-tracker workload, reconcile it into Cassandra, and check every row.",
      "With --keep-running it then stays up as a live demo: a trickle of events and the"
          + " producer's heartbeats flowing, the reconciler's, the producer's and an ingest"
          + " service's /metrics served, and a Prometheus scraping them with the alert rules (where"
          + " prometheus is installed),"
          + " until Ctrl-C or SIGTERM stops it all."
    },
    footer =
        "Exit codes: 0 converged, 1 not converged or a failure, 2 usage or config error, 4 an"
            + " unexpected error (a bug).")
public final class DemoMain implements Callable<Integer> {
  /** Events per second of the {@code --keep-running} trickle by default. */
  static final int DEFAULT_TRICKLE_RATE = 5;

  @Option(
      names = "--events",
      defaultValue = "20000",
      description = "Messages to publish, duplicates included (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--devices", description = "Distinct devices (default: events / 10, at least 1).")
  Integer devices;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Workload seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--keep-running",
      description =
          "After converging, keep everything up with a trickle of events (--trickle-rate) and"
              + " a Prometheus where one is installed, until Ctrl-C or SIGTERM; then stop it all"
              + " and exit 0.")
  boolean keepRunning;

  @Option(
      names = "--trickle-rate",
      paramLabel = "N",
      description =
          "With --keep-running: events per second published after converging, 0 to "
              + Trickle.MAX_RATE
              + "; 0 publishes heartbeats only (default: "
              + DEFAULT_TRICKLE_RATE
              + ").")
  Integer trickleRate;

  @Option(names = "--json", description = "Write the summary as JSON to this file.")
  Path json;

  @Option(
      names = "--config",
      description = "Reconciler config (default: config/reconciler.yaml of this repository).")
  Path config;

  @Option(
      names = "--admin-port",
      defaultValue = "9464",
      description = "Reconciler admin/metrics port, 0 = any free port (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description = "How long to wait for convergence, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--chart",
      description =
          "Write a chart of consistency lag and throughput over the run to this file (.png or"
              + " .svg).")
  Path chart;

  @Option(
      names = "--ingest",
      paramLabel = "library|http",
      defaultValue = "library",
      description =
          "How the workload is sent: library publishes it with the producer library; http POSTs"
              + " each event to the ingest service (producer serve, started in-process on"
              + " 127.0.0.1 with a random token), with 1% bad requests it must refuse with 400,"
              + " and reports the requests under ingest (default: ${DEFAULT-VALUE}).")
  String ingest;

  @Option(
      names = "--cassandra-nodes",
      paramLabel = "1|3",
      defaultValue = "1",
      description =
          "Cassandra nodes to run: 1, or 3 on 127.0.0.1-127.0.0.3 with the keyspace at"
              + " replication factor 3, written at LOCAL_QUORUM (default: ${DEFAULT-VALUE}).")
  int cassandraNodes;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Trapped once the demo keeps running; null before. */
  private StopRequest stopSignals;

  public static void main(String[] args) {
    io.lagline.logging.LogSetup.init();
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the demo command line and returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DemoMain());
    cli.setOut(out);
    cli.setErr(err);
    CliErrors.install(cli, ExitCodes.standard());
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    checkOptions();
    int deviceCount = devices != null ? devices : Math.max(1, events / 10);
    Path configFile = config != null ? config : RepoPaths.sampleConfig();
    int rate = trickleRate != null ? trickleRate : DEFAULT_TRICKLE_RATE;
    DemoOptions options =
        new DemoOptions(
            events,
            deviceCount,
            seed,
            "device-events",
            freeOrAny(adminPort),
            timeout,
            chart,
            keepRunning,
            rate,
            IngestMode.parse(ingest));

    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "starting the local stack (Pub/Sub emulator + "
            + (cassandraNodes == 1 ? "Cassandra node" : cassandraNodes + " Cassandra nodes")
            + ")...");
    DemoSummary summary;
    try (LocalStack stack =
        LocalStack.start(LocalStackOptions.builder().cassandraNodes(cassandraNodes).build())) {
      out.printf(
          "stack up in %.1f s; publishing %d messages over %d devices%s%n",
          stack.startupTime().toMillis() / 1000.0,
          events,
          deviceCount,
          options.ingest() == IngestMode.HTTP ? " through the ingest service (HTTP)" : "");
      summary =
          new DemoRun(stack, configFile, options)
              .run(
                  s -> {
                    out.print(s.toText());
                    if (chart != null) {
                      out.println("chart:      " + chart);
                    }
                    s.mismatches().forEach(m -> out.println("  mismatch: " + m));
                    writeJson(s);
                    if (keepRunning && s.converged()) {
                      stopSignals = StopRequest.trap(); // before saying Ctrl-C stops it
                      out.printf(
                          "keeping it running: %d events/s and a heartbeat every %d s;"
                              + " Ctrl-C (or SIGTERM) stops everything%n",
                          rate, Heartbeats.DEFAULT_INTERVAL.toSeconds());
                    }
                    out.flush();
                  },
                  () -> stopSignals.requested().get());
      if (!summary.converged()) {
        stack.keepLogs(); // the emulator's and the node's logs are what explains a failed run
      }
    } finally {
      if (stopSignals != null) {
        stopSignals.cleanedUp();
      }
    }
    if (stopSignals != null) {
      out.println(
          "stopped: trickle, "
              + (summary.prometheusUrl() != null ? "Prometheus, " : "")
              + (summary.ingestMetricsUrl() != null ? "ingest service, " : "")
              + "producer, reconciler, Pub/Sub emulator, Cassandra node"
              + (cassandraNodes == 1 ? "" : "s"));
    }
    return summary.converged() ? 0 : 1;
  }

  private void checkOptions() {
    if (events < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--events must be at least 1, was " + events);
    }
    if (chart != null && !chart.toString().matches("(?i).*\\.(png|svg)")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--chart must name a .png or .svg file, was " + chart);
    }
    if (cassandraNodes != 1 && cassandraNodes != 3) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--cassandra-nodes must be 1 or 3, was " + cassandraNodes);
    }
    if (IngestMode.parse(ingest) == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--ingest must be " + IngestMode.CHOICES + ", was " + ingest);
    }
    if (trickleRate != null && !keepRunning) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--trickle-rate needs --keep-running (the trickle runs after it)");
    }
    if (trickleRate != null && (trickleRate < 0 || trickleRate > Trickle.MAX_RATE)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--trickle-rate must be 0 to "
              + Trickle.MAX_RATE
              + " events per second, was "
              + trickleRate);
    }
  }

  /**
   * The requested admin port when it is free, else any free port (a reconciler may already use
   * 9464).
   */
  private int freeOrAny(int port) {
    if (port == 0) {
      return 0;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
      return port;
    } catch (java.io.IOException busy) {
      spec.commandLine().getErr().println("admin port " + port + " is busy; using a free one");
      return 0;
    }
  }

  /** Writes the JSON whole or not at all: a reader polling for the file never sees half of it. */
  private void writeJson(DemoSummary summary) {
    if (json == null) {
      return;
    }
    Path target = json.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      EventCodec.json()
          .writerWithDefaultPrettyPrinter()
          .writeValue(partial.toFile(), summary.toJson());
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      throw new LaglineException("cannot write --json " + json + ": " + e.getMessage(), e);
    }
  }
}
