package io.lagline.demo;

import io.lagline.config.ConfigException;
import io.lagline.error.LaglineException;
import io.lagline.event.EventCodec;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    description =
        "Publish a fitness-tracker workload, reconcile it into Cassandra, and check every row.")
public final class DemoMain implements Callable<Integer> {
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
          "After converging, keep the stack, reconciler and metrics endpoint up until interrupted.")
  boolean keepRunning;

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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parse) -> {
          if (ex instanceof ConfigException || ex instanceof LaglineException) {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ex instanceof ConfigException ? 2 : 1;
          }
          throw ex;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (events < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--events must be at least 1, was " + events);
    }
    if (chart != null && !chart.toString().matches("(?i).*\\.(png|svg)")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--chart must name a .png or .svg file, was " + chart);
    }
    int deviceCount = devices != null ? devices : Math.max(1, events / 10);
    Path configFile = config != null ? config : RepoPaths.sampleConfig();
    DemoOptions options =
        new DemoOptions(
            events, deviceCount, seed, "device-events", freeOrAny(adminPort), timeout, chart);

    PrintWriter out = spec.commandLine().getOut();
    out.println("starting the local stack (Pub/Sub emulator + Cassandra node)...");
    try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults())) {
      out.printf(
          "stack up in %.1f s; publishing %d messages over %d devices%n",
          stack.startupTime().toMillis() / 1000.0, events, deviceCount);
      DemoSummary summary =
          new DemoRun(stack, configFile, options)
              .run(
                  s -> {
                    out.print(s.toText());
                    if (chart != null) {
                      out.println("chart:      " + chart);
                    }
                    s.mismatches().forEach(m -> out.println("  mismatch: " + m));
                    out.flush();
                    writeJson(s);
                    if (keepRunning && s.converged()) {
                      out.println(
                          "keeping the stack up; metrics at "
                              + s.metricsUrl()
                              + " - press Ctrl-C to stop");
                      awaitInterrupt();
                    }
                  });
      if (!summary.converged()) {
        stack.keepLogs(); // the emulator's and the node's logs are what explains a failed run
      }
      return summary.converged() ? 0 : 1;
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

  private void writeJson(DemoSummary summary) {
    if (json == null) {
      return;
    }
    try {
      if (json.toAbsolutePath().getParent() != null) {
        Files.createDirectories(json.toAbsolutePath().getParent());
      }
      EventCodec.json()
          .writerWithDefaultPrettyPrinter()
          .writeValue(json.toFile(), summary.toJson());
    } catch (java.io.IOException e) {
      throw new LaglineException("cannot write --json " + json + ": " + e.getMessage(), e);
    }
  }

  private static void awaitInterrupt() {
    CountDownLatch latch = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(latch::countDown));
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
