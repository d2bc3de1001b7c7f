package io.lagline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CPU time and peak resident memory of a Linux process, from {@code /proc/<pid>/stat} (utime +
 * stime, in clock ticks of {@value #TICKS_PER_SECOND} Hz) and {@code /proc/<pid>/status} ({@code
 * VmHWM}, the peak RSS).
 *
 * @param cpuSeconds user + system CPU time so far
 * @param peakRssMb the process's peak resident set size so far, in MiB
 * @param cpuByThreads CPU seconds so far by {@link ThreadCpu} kind; empty when not read
 */
record ProcStats(double cpuSeconds, double peakRssMb, Map<String, Double> cpuByThreads) {
  /** {@code CLK_TCK} on Linux on x86 and ARM. */
  static final int TICKS_PER_SECOND = 100;

  static final ProcStats NONE = new ProcStats(0, 0, Map.of());

  ProcStats(double cpuSeconds, double peakRssMb) {
    this(cpuSeconds, peakRssMb, Map.of());
  }

  /** Reads the process's counters; {@link #NONE} when it is gone or /proc is absent. */
  static ProcStats read(long pid) {
    try {
      Path proc = Path.of("/proc", Long.toString(pid));
      return new ProcStats(
          cpuTicks(Files.readString(proc.resolve("stat"))) / (double) TICKS_PER_SECOND,
          vmHwmKb(Files.readString(proc.resolve("status"))) / 1024.0,
          ThreadCpu.read(pid));
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  /**
   * utime + stime of a {@code stat} line (fields 14 and 15; the name in parentheses may hold
   * spaces).
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state), so field n is fields[n - 3]
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The {@code VmHWM} line of a {@code status} file, in kB; 0 when absent. */
  static long vmHwmKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }
}
