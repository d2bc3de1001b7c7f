package io.lagline.faults;

import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.process.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code reconciler rebuild --config FILE ...} as its own JVM, as an operator runs it: output to a
 * log file, waited for to its exit code, or killed like a crash.
 */
final class RebuildProcess implements AutoCloseable {
  private final JavaProcess process;

  private RebuildProcess(JavaProcess process) {
    this.process = process;
  }

  /** Starts a rebuild with {@code options} after {@code rebuild --config FILE}. */
  static RebuildProcess start(String name, Path configFile, Path logFile, List<String> options) {
    List<String> args = new ArrayList<>(List.of("rebuild", "--config", configFile.toString()));
    args.addAll(options);
    return new RebuildProcess(
        JavaProcess.start(
            name,
            ReconcilerCommand.jvmOptions(),
            ReconcilerCommand.classpath(),
            ReconcilerMain.class.getName(),
            args,
            Map.of("LAGLINE_OUTCOME_LOG_LEVEL", "DEBUG"),
            logFile));
  }

  /** Waits for the exit and returns its code. */
  int awaitExit(Duration timeout) {
    process.await("exited", timeout, () -> !process.isAlive());
    return process.exitCode();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void kill9() {
    process.kill9();
  }

  /** The last lines of its output (the summary, once it ended). */
  String tail(int lines) {
    return process.tail(lines);
  }

  @Override
  public void close() {
    process.close();
  }
}
