package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import io.lagline.demo.ReadBack;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild scenarios ({@code reconciler rebuild}, issue 19): a restore from a backup older than
 * the last events, rebuilt from the heartbeat watermark while traffic goes on (r); a table added to
 * the mapping after the events, backfilled alone (s); a rebuild into a new keyspace killed with
 * kill -9 half way and started again (t). Each ends with the read-back exact, nothing written twice
 * by a rebuild, and the rebuild's exit code and summary checked.
 */
final class RebuildScenarios {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildScenarios.class);
  static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(4);

  /** What the topics of these scenarios keep: enough for the whole scenario. */
  static final Duration RETENTION = Duration.ofHours(1);

  private RebuildScenarios() {}

  /** (r) backup, more traffic, restore, {@code rebuild --since-watermark} while traffic goes on. */
  static void restore(FaultStack faults, Scenario scenario) throws Exception {
    List<OutboundMessage> order = scenario.workload().publishOrder();
    int first = order.size() * 4 / 10;
    int second = order.size() * 7 / 10;
    try (Heartbeats heartbeats = Heartbeats.start(faults.pubsub(), scenario.topic(), "rebuild-r")) {
      ReconcilerProcess live = scenario.startReconciler(1);
      scenario.publish(order.subList(0, first));
      Backup.awaitQuiet(scenario);
      Backup backup = Backup.take(faults.reader(), scenario.id());
      scenario.publish(order.subList(first, second));
      Backup.awaitQuiet(scenario);
      // the restore procedure: reconcilers stopped from the restore until the rebuild has read
      // the restored watermark; producers go on publishing
      live.terminate(Duration.ofMinutes(1));
      // what it wrote after the backup is undone by the restore: its writes are not counted again
      Path undone = scenario.logDir().resolve("before-restore");
      Files.createDirectories(undone);
      Files.move(live.logFile(), undone.resolve(live.logFile().getFileName()));
      long before = scenario.historyRows();
      backup.restore(faults.reader());
      long after = scenario.historyRows();
      LOG.info("r: restored the backup: {} history rows before, {} after", before, after);
      CompletableFuture<Integer> rest = scenario.publishAsync(order.subList(second, order.size()));
      int exit;
      String summary;
      try (RebuildProcess rebuild =
          rebuild(scenario, "rebuild-1", List.of("--since-watermark", "--margin", "5s"))) {
        await("r: the rebuild's start printed")
            .atMost(REBUILD_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> rebuild.tail(200).contains("replay:") || !rebuild.isAlive());
        scenario.startReconciler(1);
        exit = rebuild.awaitExit(REBUILD_TIMEOUT);
        summary = rebuild.tail(14);
        LOG.info("r: rebuild exited {}:\n{}", exit, summary);
      }
      Scenario.awaitPublished(rest);
      ScenarioResult converged = scenario.finish("");
      ScenarioResult result =
          rebuilt(
              converged,
              "backup at 40%, restore at 70%, rebuild beside the reconciler while 30% more; "
                  + settled(summary),
              converged.lost(),
              afterRestore(scenario).doubleApplied(),
              converged.problems());
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(after).as("history rows after the restore").isLessThan(before);
      soft.assertThat(exit).as("rebuild exit code (1: poison met again)").isEqualTo(1);
      soft.assertAll();
    }
  }

  /** The outcome lines written after the restore: the rebuild's and the restarted reconciler's. */
  private static OutcomeLog afterRestore(Scenario scenario) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (Path dir : List.of(scenario.logDir(), rebuildLogs(scenario))) {
      try (var files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
          lines.addAll(Files.readAllLines(file));
        }
      }
    }
    return OutcomeLog.of(lines);
  }

  /** (s) a table added to the mapping after 10,000 events, backfilled with {@code --tables}. */
  static void backfill(FaultStack faults, Scenario scenario) throws Exception {
    Instant start = Instant.now().minusSeconds(5);
    ReconcilerProcess live = scenario.startReconciler(1);
    Scenario.awaitPublished(scenario.publishAsync());
    ScenarioResult first = scenario.finish("");
    live.close();
    Path mapping = scenario.logDir().resolve("mapping-v2.yaml");
    String v1 = Files.readString(FaultStack.mappingFile());
    Files.writeString(mapping, v1.replace("  - event-type: DeviceRetired", NEW_TABLE_WRITE));
    Path config = scenario.logDir().resolve("reconciler-v2.yaml");
    Files.writeString(
        config,
        Files.readString(scenario.configFile())
            .replace(FaultStack.mappingFile().toString(), mapping.toString()));
    SchemaApplier.apply(
        faults.reader(),
        scenario.id(),
        ScenarioConfig.load(scenario.configFile()).schema().replication(),
        MappingLoader.load(mapping),
        ran -> {});
    Map<String, List<String>> others =
        TableRows.contents(faults.reader(), scenario.id(), OTHER_TABLES);
    int exit;
    String summary;
    try (RebuildProcess rebuild =
        rebuild(
            scenario,
            config,
            "rebuild-1",
            List.of("--since", start.toString(), "--tables", "device_steps"))) {
      exit = rebuild.awaitExit(REBUILD_TIMEOUT);
      summary = rebuild.tail(14);
      LOG.info("s: rebuild exited {}:\n{}", exit, summary);
    }
    List<String> expected = TableRows.rows(faults.reader(), scenario.id(), "sync_history");
    List<String> backfilled = TableRows.rows(faults.reader(), scenario.id(), "device_steps");
    List<String> problems = new ArrayList<>();
    long lost = TableRows.difference(expected, backfilled, problems);
    if (!TableRows.contents(faults.reader(), scenario.id(), OTHER_TABLES).equals(others)) {
      problems.add("another table changed during the backfill");
      lost++;
    }
    ScenarioResult result =
        rebuilt(
            first,
            "10,000 events, then `--tables device_steps`; " + settled(summary),
            lost,
            OutcomeLog.read(rebuildLogs(scenario)).doubleApplied(),
            problems);
    SoftAssertions soft = Checks.guarantees(result);
    soft.assertThat(exit).as("rebuild exit code").isZero();
    soft.assertThat(backfilled)
        .as("device_steps: one row per distinct event")
        .hasSize((int) scenario.workload().expected().historyRows());
    soft.assertAll();
  }

  /** (t) {@code rebuild --keyspace} killed with kill -9 half way, started again. */
  static void killedHalfWay(FaultStack faults, Scenario scenario) throws Exception {
    Instant start = Instant.now().minusSeconds(5);
    ReconcilerProcess live = scenario.startReconciler(1);
    Scenario.awaitPublished(scenario.publishAsync());
    ScenarioResult first = scenario.finish("");
    live.close();
    String copy = scenario.id() + "_copy";
    List<String> options = List.of("--since", start.toString(), "--keyspace", copy);
    long expected = scenario.workload().expected().historyRows();
    try (RebuildProcess killed = rebuild(scenario, "rebuild-1", options)) {
      await("t: the copy at 50%")
          .atMost(REBUILD_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> TableRows.count(faults.reader(), copy, "sync_history") >= expected / 2);
      killed.kill9();
    }
    long atKill = TableRows.count(faults.reader(), copy, "sync_history");
    int exit;
    String summary;
    try (RebuildProcess again = rebuild(scenario, "rebuild-2", options)) {
      exit = again.awaitExit(REBUILD_TIMEOUT);
      summary = again.tail(14);
      LOG.info("t: rebuild-2 exited {}:\n{}", exit, summary);
    }
    ReadBack readBack = ReadBack.check(faults.reader(), copy, scenario.workload().expected());
    ScenarioResult result =
        rebuilt(
            first,
            "into a new keyspace, kill -9 at "
                + Math.round(100.0 * atKill / expected)
                + "% of its history rows, run again; "
                + settled(summary),
            readBack.mismatchCount(),
            OutcomeLog.read(rebuildLogs(scenario)).doubleApplied(),
            readBack.mismatches());
    SoftAssertions soft = Checks.guarantees(result);
    soft.assertThat(atKill).as("history rows when killed").isLessThan(expected);
    soft.assertThat(exit).as("second rebuild's exit code (1: poison met again)").isEqualTo(1);
    soft.assertAll();
  }

  /**
   * The scenario's row: the reconcilers' convergence and dead letters from {@code converged}, what
   * is lost and applied twice from the rebuild's end state and logs.
   */
  private static ScenarioResult rebuilt(
      ScenarioResult converged, String faults, long lost, long doubled, List<String> problems) {
    return new ScenarioResult(
        converged.scenario(),
        converged.events(),
        converged.publishes(),
        faults,
        lost,
        doubled,
        converged.goodDeadLettered(),
        converged.poisonDeadLettered(),
        converged.poison(),
        problems,
        converged.took(),
        converged.ambiguity(),
        converged.cluster());
  }

  /** The rebuild's {@code settled:} line, shortened: e.g. {@code rebuilt 10042 messages, 726/s}. */
  static String settled(String summary) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "settled: +(\\d+) messages in [0-9.]+ s \\((\\d+) events/s\\)")
            .matcher(summary);
    return m.find() ? "rebuilt " + m.group(1) + " messages, " + m.group(2) + "/s" : "no summary";
  }

  private static final List<String> OTHER_TABLES =
      List.of("device_state", "sync_history", "lagline_heartbeats");

  /** The new table's write, indented to go after sync_history's in the repository's mapping. */
  private static final String NEW_TABLE_WRITE =
      String.join(
          "\n",
          "      - table: device_steps",
          "        mode: insert-if-absent",
          "        partition-key: [device_id]",
          "        clustering-key: [event_id]",
          "        columns:",
          "          device_id:  { from: entity_key, type: text }",
          "          event_id:   { from: event_id, type: text }",
          "          steps:      { from: payload.steps, type: int }",
          "  - event-type: DeviceRetired");

  private static RebuildProcess rebuild(Scenario scenario, String name, List<String> options) {
    return rebuild(scenario, scenario.configFile(), name, options);
  }

  private static RebuildProcess rebuild(
      Scenario scenario, Path config, String name, List<String> options) {
    Path logs = rebuildLogs(scenario);
    try {
      Files.createDirectories(logs);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LOG.info("{}: {} {}", scenario.id(), name, options);
    return RebuildProcess.start(name, config, logs.resolve(name + ".log"), options);
  }

  /** The rebuilds' logs: apart from the reconcilers', whose writes a restore undid. */
  static Path rebuildLogs(Scenario scenario) {
    return scenario.logDir().resolve("rebuild");
  }
}
