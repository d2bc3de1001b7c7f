package io.lagline.testkit.process;

import java.util.Optional;

/**
 * Java agent loaded into every child JVM the testkit starts ({@code -javaagent:<jar>=<parent
 * pid>}): when the parent JVM dies without running its shutdown hooks (SIGKILL, a crashed test
 * fork), the child exits too instead of living on as an orphan. Not an API; it must stay free of
 * any dependency but the JDK, because it runs on the child's classpath.
 */
public final class OrphanGuardAgent {
  private static final long HALT_AFTER_MILLIS = 30_000;

  private OrphanGuardAgent() {}

  /** Agent entry point; {@code args} is the parent's process id. */
  public static void premain(String args) {
    long parentPid = Long.parseLong(args.trim());
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      parentGone(parentPid);
      return;
    }
    parent.get().onExit().thenRun(() -> parentGone(parentPid));
  }

  private static void parentGone(long parentPid) {
    System.err.println("[lagline-testkit] parent process " + parentPid + " is gone; shutting down");
    Thread halter =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(137);
            },
            "lagline-orphan-halter");
    halter.setDaemon(true);
    halter.start();
    System.exit(143);
  }
}
