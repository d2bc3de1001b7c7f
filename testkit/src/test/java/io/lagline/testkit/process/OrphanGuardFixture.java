package io.lagline.testkit.process;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * For {@link OrphanGuardIT}: run as a JVM of its own, it starts a child JVM armed with the orphan
 * guard, prints the child's pid and blocks, so the test can SIGKILL it and watch the child go.
 */
public final class OrphanGuardFixture {
  private OrphanGuardFixture() {}

  /** {@code args[0]}: where to write the agent jar. */
  public static void main(String[] args) throws Exception {
    Path jar = OrphanGuardJar.writeTo(Path.of(args[0]));
    Process child =
        new ProcessBuilder(
                JavaRuntime.javaExecutable().toString(),
                "-javaagent:" + jar + "=" + ProcessHandle.current().pid(),
                "-cp",
                System.getProperty("java.class.path"),
                Blocker.class.getName())
            .inheritIO()
            .start();
    System.out.println("child-pid=" + child.pid());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** The child: blocks until something ends the JVM. */
  public static final class Blocker {
    private Blocker() {}

    public static void main(String[] args) throws InterruptedException {
      new CountDownLatch(1).await();
    }
  }
}
