package io.lagline.bench;

import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.process.JavaClasspath;
import io.lagline.testkit.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rebuild row: {@code reconciler rebuild} replaying the loopback drain's backlog (warm-up and
 * measured events) into a keyspace of its own, as an operator would after a restore, beside the
 * drain of the same backlog in the same run. It runs after the measured drain, as a JVM of its own
 * started like the drain's reconciler (same heap and JVM options, the same kind of config), with
 * {@code --since} a second before the backlog was published; the drain's topic keeps its messages
 * for {@link #RETENTION}, so the rebuild's own subscription can be sought back over all of them.
 * Its rate is the one the rebuild prints ({@link RebuildSettled}), over warm-up and measured events
 * in one window from a cold JVM, where the drain's is a warm reconciler's over the measured events
 * only. The keyspace is created beforehand as every drain's is (one replica: the reconciler's
 * default asks for three in the local datacenter, and the bench has one node).
 */
final class DrainRebuild {
  static final String ID = "rebuild";

  /** The keyspace the rebuild writes ({@code --keyspace}). */
  static final String KEYSPACE = "bench_rebuild";

  /** How long the drain's topic keeps its messages, acknowledged ones included. */
  static final Duration RETENTION = Duration.ofHours(1);

  /** The rebuild's time limit without its events: JVM start-up, connecting, the quiet period. */
  private static final Duration FLOOR = Duration.ofMinutes(2);

  /** The slowest rate the time limit allows for, in events/s (a tenth of a quick drain's). */
  private static final int SLOWEST = 100;

  private DrainRebuild() {}

  /** {@code --since} for a backlog about to be published at {@code now}: a second before it. */
  static Instant since(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
  }

  /** The rebuild's rate over the drain's; NaN when either is not measured. */
  static double overDrain(double rebuild, double drain) {
    return rebuild / drain;
  }

  /**
   * Rebuilds {@code backlog} from {@code topicId}, reads {@link #KEYSPACE} back and adds the row; a
   * read-back that is not exact, or a rebuild that met poison, is a failure of the run.
   *
   * @param subscriptionId the drain's subscription (the rebuild's own is {@code <it>-rebuild})
   */
  static void run(
      BenchStack stack,
      String topicId,
      String subscriptionId,
      DrainBacklog backlog,
      Instant since,
      BenchResults results) {
    stack.createSchema(KEYSPACE);
    String name = "rebuild-" + topicId;
    Path dir = stack.dir().resolve("logs");
    Path config =
        ReconcilerRun.writeConfig(
            name,
            dir,
            stack,
            subscriptionId,
            topicId,
            stack.emulatorHost(),
            stack.cassandraHostPort(),
            "bench_" + topicId,
            false,
            ReconcilerRun.freePort());
    int published = backlog.published().size();
    Duration limit = FLOOR.plusSeconds(published / SLOWEST);
    int exit;
    String output;
    try (JavaProcess process =
        JavaProcess.start(
            name,
            ReconcilerRun.jvmOptions(name, ReconcilerRun.DEFAULT_HEAP, stack),
            JavaClasspath.of(ReconcilerMain.class),
            ReconcilerMain.class.getName(),
            List.of(
                "rebuild",
                "--config",
                config.toString(),
                "--since",
                since.toString(),
                "--keyspace",
                KEYSPACE),
            Map.of(),
            dir.resolve(name + ".log"))) {
      process.await("exited", limit, () -> !process.isAlive());
      exit = process.exitCode();
      output = read(process.logFile());
    } finally {
      stack.profiler().finish(name);
    }
    RebuildSettled settled =
        RebuildSettled.parse(output)
            .orElseThrow(
                () ->
                    new BenchException(
                        name + " exited " + exit + " without a settled: line; log " + dir));
    if (exit != 0) {
      results.fail(ID + ": " + name + " exited " + exit + " (1: poison met or failed); log " + dir);
    }
    BenchReadBack readBack = BenchReadBack.check(stack.session(), KEYSPACE, backlog.expected());
    double drain = results.eps("drain");
    results.add(row(settled, published, backlog.warmEvents(), since, readBack, drain));
    results.extra("rebuild_messages_settled", settled.messages());
    results.extra("rebuild_messages_published", published);
    if (!readBack.exact()) {
      results.fail(
          ID
              + ": read-back of "
              + KEYSPACE
              + " found "
              + readBack.mismatches()
              + " mismatches, e.g. "
              + readBack.examples());
    }
  }

  static ScenarioResult row(
      RebuildSettled settled,
      int published,
      int warm,
      Instant since,
      BenchReadBack readBack,
      double drain) {
    long missing = published - settled.messages();
    String notes =
        String.format(
            Locale.ROOT,
            "reconciler rebuild --since %s --keyspace %s; a cold JVM, its rate over the %d warm-up"
                + " and %d measured events in one window (the drain's: a warm reconciler, measured"
                + " events only); %s; read-back %s; rebuild / drain %s",
            since,
            KEYSPACE,
            warm,
            published - warm,
            missing == 0
                ? "settled every published message"
                : "settled " + settled.messages() + " of " + published + " published messages",
            readBack.exact() ? "exact" : readBack.mismatches() + " mismatches",
            Table.number(overDrain(settled.eventsPerSecond(), drain)));
    return new ScenarioResult(
        ID,
        "rebuild of the drain backlog",
        settled.messages(),
        settled.eventsPerSecond(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        settled.seconds(),
        Double.NaN,
        notes);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }
}
