package io.lagline.demo;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM into a stop request for {@code --keep-running}, so the demo
 * stops the trickle, Prometheus, the producer, the reconciler and the stack in that order and exits
 * 0, instead of the JVM's default exit that races its shutdown hooks against everything still
 * running. A second signal exits at once (the shutdown hooks still end every child process). Where
 * {@code sun.misc.Signal} (module jdk.unsupported, reached by reflection so the build stays free of
 * internal-API warnings) is missing, a shutdown hook requests the stop and waits for the clean-up.
 * The trap itself is the shared one ({@link io.lagline.cli.StopSignals}), as in the reconciler's
 * {@code run} command.
 *
 * <p>{@code bin/demo} runs the JVM in a session of its own (so a Ctrl-C in the terminal does not
 * reach the children, which would each stop at once, out of order) and passes Ctrl-C on as SIGTERM.
 * It names itself in {@value #LAUNCHER_PID}: when that process ends (killed outright), the demo
 * stops as if signalled, rather than run on with nobody to stop it.
 */
final class StopRequest {
  /** Environment variable naming the process whose end stops the demo (bin/demo sets it). */
  static final String LAUNCHER_PID = "LAGLINE_DEMO_LAUNCHER_PID";

  private static final Logger LOG = LoggerFactory.getLogger(StopRequest.class);
  private static final long HOOK_WAIT_MILLIS = 60_000;

  private final CompletableFuture<String> requested = new CompletableFuture<>();
  private final CompletableFuture<Void> cleanedUp = new CompletableFuture<>();

  private StopRequest() {}

  /**
   * Traps SIGINT and SIGTERM from now on, and watches the launcher named by {@value #LAUNCHER_PID};
   * {@link #requested()} completes with the signal's name, or {@code launcher exited}.
   */
  static StopRequest trap() {
    StopRequest signals = new StopRequest();
    if (!signals.trapWithSignalHandler()) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(signals::stopFromHook, "lagline-demo-shutdown"));
    }
    launcherExit(System.getenv(LAUNCHER_PID))
        .ifPresent(exit -> exit.thenRun(() -> signals.requested.complete("launcher exited")));
    return signals;
  }

  /**
   * Completes when the process {@code pid} names has ended (at once when it is already gone); empty
   * when {@code pid} is unset or not a process id.
   */
  static Optional<CompletableFuture<?>> launcherExit(String pid) {
    if (pid == null || !pid.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(
        ProcessHandle.of(Long.parseLong(pid))
            .<CompletableFuture<?>>map(ProcessHandle::onExit)
            .orElse(CompletableFuture.completedFuture(null)));
  }

  /** Completes with the name of the first signal received ({@code INT} or {@code TERM}). */
  CompletableFuture<String> requested() {
    return requested;
  }

  /** Says everything is stopped: a shutdown hook waiting for it lets the JVM exit. */
  void cleanedUp() {
    cleanedUp.complete(null);
  }

  private void onSignal(String name) {
    if (!requested.complete(name)) {
      LOG.info("second stop signal: exiting without stopping in order");
      new Thread(() -> System.exit(130), "lagline-demo-exit").start();
    }
  }

  private void stopFromHook() {
    requested.complete("shutdown");
    try {
      cleanedUp.get(HOOK_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // the JVM exits anyway; the testkit's own hook ends the children
    }
  }

  private boolean trapWithSignalHandler() {
    return io.lagline.cli.StopSignals.trap(this::onSignal);
  }
}
