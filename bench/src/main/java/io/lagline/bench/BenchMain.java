package io.lagline.bench;

import io.lagline.bench.profile.Profiler;
import io.lagline.cli.CliErrors;
import io.lagline.cli.ExitCodes;
import io.lagline.event.EventCodec;
import io.lagline.logging.LogSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench}: the ceilings, the reconciler's drain rates, a rebuild of the drain's backlog,
 * the naive baseline, hot keys, a redelivery storm, cluster and cross-cloud latency, steady-state
 * lag, a small-heap run and the HTTP ingest service against the producer library, on the local real
 * stack, printed as a Markdown table and written to {@code DIR/summary.json} and {@code
 * DIR/table.md}. Exits 0 when every scenario ran, whatever the targets say; 1 when one broke (named
 * on stderr).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the reconciler against its ceilings and a naive consumer.")
public final class BenchMain implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Option(
      names = "--quick",
      description = "Smaller backlogs and 20 s steady phases: a few minutes.")
  boolean quick;

  @Option(names = "--smoke", hidden = true, description = "Tiny sizes, for the CI smoke test.")
  boolean smoke;

  @Option(names = "--out", description = "Output directory (default: bench/target/bench-<time>).")
  Path out;

  @Option(
      names = "--paxos",
      negatable = true,
      description = "Compare paxos v1 with v2 at the end (default: on for the full run only).")
  Boolean paxos;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "STEP",
      description =
          "Run only these steps, e.g. --only ingest (Cassandra is not started for it); one of"
              + " warm-up, lwt_ceiling, drain, drain_notify, naive, hotkeys, redelivery,"
              + " cluster_latency, crosscloud, crosscloud100, steady, steady_notify, xmx128, ingest,"
              + " paxos. A step needing another's figure (steady: drain) breaks without it.")
  Set<String> only = new LinkedHashSet<>();

  @Option(
      names = "--profile",
      description =
          "Profile every reconciler process with async-profiler (CPU every 10 ms, allocations"
              + " every 512 KB): DIR/profiles/<process>-cpu.html and -alloc.html flame graphs,"
              + " and the top frames of each in DIR/profiles/top-frames.md (Linux x64 or arm64).")
  boolean profile;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Workload seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LogSetup.init();
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the bench command line and returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setOut(out);
    cli.setErr(err);
    CliErrors.install(cli, ExitCodes.standard());
    return cli.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    for (String id : only) {
      if (!BenchRun.STEPS.contains(id)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--only " + id + ": no such step; one of " + BenchRun.STEPS);
      }
    }
    BenchSizes sizes = smoke ? BenchSizes.smoke() : quick ? BenchSizes.quick() : BenchSizes.full();
    if (paxos != null) {
      sizes = sizes.withPaxos(paxos);
    }
    Instant started = Instant.now();
    Path dir = (out != null ? out : defaultDir(started)).toAbsolutePath();
    Files.createDirectories(dir);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    stdout.printf("bench (%s) writing to %s%n", mode(), dir);
    Profiler profiler = profile ? Profiler.into(dir.resolve("profiles")) : Profiler.off();
    BenchResults results =
        new BenchRun(sizes, dir, seed, only, line -> stderr.println("[bench] " + line), profiler)
            .run();
    double minutes = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 60_000.0;
    String table = Table.render(results);
    stdout.println();
    stdout.print(table);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("mode", mode());
    run.put("started", started.toString());
    run.put("minutes", minutes);
    run.put("seed", seed);
    run.put("sizes", sizes.toString());
    run.put("only", List.copyOf(only));
    run.put("machine", Machine.describe());
    run.put("streams", Bench.STREAMS);
    Files.writeString(dir.resolve("table.md"), table);
    EventCodec.json()
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("summary.json").toFile(), SummaryJson.of(results, run));
    stdout.printf(
        Locale.ROOT,
        "%nwrote %s and %s (%.1f min)%n",
        dir.resolve("table.md"),
        dir.resolve("summary.json"),
        minutes);
    if (profiler.enabled()) {
      Files.writeString(profiler.reportFile(), profiler.report());
      stdout.printf("%nProfiles (%s):%n%n%s", profiler.reportFile(), profiler.report());
    }
    if (!results.failures().isEmpty()) {
      results.failures().forEach(f -> stderr.println("error: " + f));
      return 1;
    }
    return 0;
  }

  private String mode() {
    return smoke ? "smoke" : quick ? "quick" : "full";
  }

  private static Path defaultDir(Instant started) {
    Path module = Path.of("bench");
    Path base =
        Files.isDirectory(module.resolve("src")) ? module.resolve("target") : Path.of("target");
    return base.resolve("bench-" + STAMP.format(started));
  }
}
