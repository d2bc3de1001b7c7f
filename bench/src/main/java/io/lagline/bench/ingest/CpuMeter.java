package io.lagline.bench.ingest;

import java.util.function.LongFunction;

/**
 * CPU seconds so far of the bench JVM and of the Pub/Sub emulator's processes (the bench's child
 * processes whose command line names the emulator), read through {@code cpuSeconds} (pid to CPU
 * seconds, from {@code /proc}).
 */
final class CpuMeter {
  private final LongFunction<Double> cpuSeconds;

  CpuMeter(LongFunction<Double> cpuSeconds) {
    this.cpuSeconds = cpuSeconds;
  }

  /** CPU seconds of the bench JVM. */
  double bench() {
    return cpuSeconds.apply(ProcessHandle.current().pid());
  }

  /** CPU seconds of the emulator's processes; NaN when none is found. */
  double emulator() {
    double[] sum = {0};
    boolean[] found = {false};
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("pubsub-emulator")).orElse(false))
        .forEach(
            p -> {
              found[0] = true;
              sum[0] += cpuSeconds.apply(p.pid());
            });
    return found[0] ? sum[0] : Double.NaN;
  }
}
