package io.lagline.bench;

import io.lagline.testkit.process.JavaClasspath;
import io.lagline.testkit.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs {@link NaiveConsumerMain} as its own JVM on a published backlog and times its drain. */
final class NaiveRun {
  private NaiveRun() {}

  /**
   * An earlier run into the same directory (the smoke test's is fixed) leaves its final count in
   * the status file, which the clock would read as the whole backlog drained before the new
   * consumer started.
   */
  private static void deleteStale(Path status) {
    try {
      Files.deleteIfExists(status);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the stale status file " + status, e);
    }
  }

  static ScenarioResult run(
      String id,
      String name,
      BenchStack stack,
      String subscriptionId,
      long expected,
      String keyspace,
      String cassandra,
      String notes) {
    Path dir = stack.dir().resolve("logs");
    Path status = dir.resolve(id + ".status");
    deleteStale(status);
    try (JavaProcess naive =
        JavaProcess.start(
            id,
            List.of(ReconcilerRun.DEFAULT_HEAP),
            JavaClasspath.of(NaiveConsumerMain.class),
            NaiveConsumerMain.class.getName(),
            List.of(
                stack.emulatorHost(),
                BenchStack.subscription(subscriptionId),
                cassandra,
                stack.datacenter(),
                keyspace,
                stack.mappingFile().toString(),
                status.toString()),
            Map.of(),
            dir.resolve(id + ".log"))) {
      DrainClock.Timing timing =
          DrainClock.await(
              id + " (log " + naive.logFile() + ")",
              expected,
              () -> NaiveConsumerMain.readStatus(status),
              naive::isAlive,
              naive.pid(),
              Bench.STALL);
      try {
        naive.terminate(Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        naive.close();
      }
      return new ScenarioResult(
          id,
          name,
          expected,
          timing.eventsPerSecond(),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          timing.cpuSeconds(),
          timing.seconds(),
          timing.peakRssMb(),
          notes);
    }
  }
}
