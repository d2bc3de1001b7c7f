package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.cli.ExitCodes;
import io.lagline.cli.StopSignals;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code reconciler run}: the long-running service. On SIGTERM or Ctrl-C it stops pulling, lets
 * in-flight writes finish within {@code shutdown.drain-timeout}, acks what was written, nacks the
 * rest, and exits 0. A second signal exits at once.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the reconciler until stopped.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws InterruptedException {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    LOG.info("configuration (secrets masked): {}", loaded);
    ReconcilerApp app = ReconcilerApp.start(loaded);
    CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    AtomicInteger signals = new AtomicInteger();
    boolean trapped =
        StopSignals.trap(
            () -> {
              if (signals.incrementAndGet() > 1) {
                LOG.warn("second stop signal: exiting without finishing the drain");
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
              }
              LOG.info("stop signal received");
              stopRequested.complete(null);
            });
    if (!trapped) {
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "lagline-shutdown"));
    }
    try {
      CompletableFuture.anyOf(app.failure(), stopRequested).get();
    } catch (ExecutionException e) {
      // the failure future only completes normally; nothing to do
    }
    if (stopRequested.isDone()) {
      app.close();
      return 0;
    }
    Throwable failed = app.failure().getNow(null);
    // the subscriber failed for good: stop with a message and a non-zero code so the orchestrator
    // restarts us
    app.close();
    throw new LaglineException(
        "the Pub/Sub subscriber stopped: "
            + failed
            + " (check "
            + ReconcilerKey.PUBSUB_SUBSCRIPTION.path()
            + ", credentials and the network; the process exits to be restarted)");
  }
}
