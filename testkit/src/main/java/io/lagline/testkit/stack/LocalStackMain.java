package io.lagline.testkit.stack;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link LocalStack} for manual use (the demo, a reconciler run from the IDE) and keeps it
 * up until Ctrl-C. It prints {@code export} lines to paste into another shell. The mode comes from
 * {@code LAGLINE_STACK_MODE} (default AUTO); {@code LAGLINE_KEEP_LOGS} keeps the logs after exit.
 */
public final class LocalStackMain {
  private static final String LOGBACK_CONFIG = "io/lagline/testkit/local-stack-logback.xml";

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    // before the first logger exists: quiet INFO output if logback is present and unconfigured
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    PrintStream out = System.out;
    LocalStack stack;
    try {
      stack = LocalStack.start(LocalStackOptions.defaults());
    } catch (TestkitException e) {
      System.err.println("[lagline-testkit] " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("[lagline-testkit] stopping the local stack");
                  stack.close();
                  stopped.countDown();
                },
                "lagline-stack-shutdown"));
    out.println(
        "# Lagline local stack ("
            + stack.mode()
            + " mode) is up in "
            + stack.startupTime().toMillis()
            + " ms; paste these lines into another shell:");
    out.println("export " + Environment.PUBSUB_EMULATOR_HOST + "=" + stack.pubsubEmulatorHost());
    out.println(
        "export "
            + Environment.CASSANDRA_CONTACT_POINTS
            + "="
            + stack.cassandraContactPointsString());
    out.println("export " + Environment.CASSANDRA_LOCAL_DATACENTER + "=" + stack.localDatacenter());
    out.println("# Pub/Sub project id: " + stack.projectId());
    out.println("# logs and data: " + stack.logDir());
    out.println("# press Ctrl-C to stop");
    out.flush();
    stopped.await();
  }
}
