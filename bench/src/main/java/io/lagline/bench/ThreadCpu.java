package io.lagline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JVM's CPU time by what its threads do, from {@code /proc/<pid>/task/<tid>/stat}: the JIT
 * compilers, the garbage collector, the VM's own threads (safepoint operations, periodic tasks),
 * and the rest, the application (Lagline, the Pub/Sub client, gRPC, Netty, the driver). The
 * difference of two readings says where the CPU of an interval went without a profiler's own cost;
 * a thread that ended in between is missing from both.
 */
final class ThreadCpu {
  /** The kinds, in report order. */
  static final List<String> KINDS = List.of("application", "compiler", "gc", "vm");

  private ThreadCpu() {}

  /** Seconds per kind so far; empty when the process is gone or /proc is absent. */
  static Map<String, Double> read(long pid) {
    Map<String, Double> seconds = zero();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          seconds.merge(
              kind(name),
              ProcStats.cpuTicks(stat) / (double) ProcStats.TICKS_PER_SECOND,
              Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
      return seconds;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** The kind of a thread, by its name as the kernel keeps it (15 characters at most). */
  static String kind(String threadName) {
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
      return "compiler";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
      return "gc";
    }
    if (threadName.equals("VM Thread") || threadName.startsWith("VM Periodic")) {
      return "vm";
    }
    return "application";
  }

  /** {@code end - start} per kind, never negative; empty when either reading is. */
  static Map<String, Double> between(Map<String, Double> start, Map<String, Double> end) {
    if (start.isEmpty() || end.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> delta = new LinkedHashMap<>();
    for (String kind : KINDS) {
      delta.put(kind, Math.max(0, end.getOrDefault(kind, 0.0) - start.getOrDefault(kind, 0.0)));
    }
    return delta;
  }

  private static Map<String, Double> zero() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    KINDS.forEach(kind -> seconds.put(kind, 0.0));
    return seconds;
  }
}
