package io.lagline.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * Samples CPU time: the bench JVM and the Pub/Sub emulator's processes (the bench's child processes
 * whose command line names the emulator) through {@code cpuSeconds} (pid to CPU seconds), the JVM's
 * threads by name (the service's Jetty pool {@value #SERVICE_THREADS}*, the JDK HTTP clients'
 * {@value #CLIENT_THREADS}*), and the machine from {@code /proc/stat}.
 */
final class CpuMeter {
  static final String SERVICE_THREADS = "lagline-ingest-http";
  static final String CLIENT_THREADS = "HttpClient-";

  /** {@code CLK_TCK} on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private final LongFunction<Double> cpuSeconds;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  CpuMeter(LongFunction<Double> cpuSeconds) {
    this.cpuSeconds = cpuSeconds;
  }

  CpuSample sample() {
    double service = 0;
    double clients = 0;
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(ids[i]);
      if (nanos <= 0) {
        continue;
      }
      if (infos[i].getThreadName().startsWith(SERVICE_THREADS)) {
        service += nanos / 1e9;
      } else if (infos[i].getThreadName().startsWith(CLIENT_THREADS)) {
        clients += nanos / 1e9;
      }
    }
    return new CpuSample(
        cpuSeconds.apply(ProcessHandle.current().pid()), service, clients, emulator(), machine());
  }

  private double emulator() {
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

  private static double machine() {
    try {
      return busyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0)) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Busy ticks of the {@code cpu} line of {@code /proc/stat}: everything but idle and iowait (user
   * nice system idle iowait irq softirq steal ...; guest time is already in user).
   */
  static long busyTicks(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(f[i]);
      }
    }
    return busy;
  }
}
