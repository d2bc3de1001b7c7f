package io.lagline.bench;

import io.lagline.testkit.process.JavaClasspath;
import io.lagline.testkit.process.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs {@link NaiveConsumerMain} as its own JVM on a published backlog and times its drain. */
final class NaiveRun {
  private NaiveRun() {}

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
