package io.lagline.testkit.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One JVM shutdown hook that ends every child process still running, so an aborted test run or a
 * Ctrl-C never leaves an emulator or a Cassandra node behind. Children get SIGTERM, then SIGKILL
 * after a short grace period.
 */
final class ChildProcessReaper {
  private static final long GRACE_MILLIS = 10_000;
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ChildProcessReaper::reapAll, "lagline-testkit-reaper"));
  }

  private ChildProcessReaper() {}

  static void register(Process process) {
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
  }

  private static void reapAll() {
    List<ProcessHandle> all =
        LIVE.stream()
            .filter(Process::isAlive)
            .flatMap(p -> Stream.concat(p.descendants(), Stream.of(p.toHandle())))
            .toList();
    all.forEach(ProcessHandle::destroy);
    long deadline = System.currentTimeMillis() + GRACE_MILLIS;
    for (ProcessHandle handle : all) {
      long left = deadline - System.currentTimeMillis();
      try {
        if (left > 0) {
          handle.onExit().get(left, TimeUnit.MILLISECONDS);
        }
      } catch (Exception e) {
        // fall through to the forced kill
      }
      handle.destroyForcibly();
    }
  }
}
