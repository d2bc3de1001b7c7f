package io.lagline.faults;

import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.process.JavaClasspath;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line of a reconciler process: a small heap, and the reconciler as it is deployed,
 * {@code reconciler/target/reconciler.jar} with its {@code lib/} (which the reactor packages before
 * this module's integration tests); see {@link JavaClasspath} for the fallback.
 */
final class ReconcilerCommand {
  /** Heap of one reconciler process. */
  static final String MAX_HEAP = "-Xmx384m";

  private ReconcilerCommand() {}

  /** The JVM flags. */
  static List<String> jvmOptions() {
    return List.of(MAX_HEAP);
  }

  /** The reconciler's class path. */
  static String classpath() {
    return JavaClasspath.of(ReconcilerMain.class);
  }

  /** {@code run --config FILE}. */
  static List<String> runArgs(Path configFile) {
    return List.of("run", "--config", configFile.toString());
  }
}
