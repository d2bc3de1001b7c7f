package io.lagline.reconciler.cli;

import io.lagline.error.LaglineException;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconciler run}: the long-running service. Stops gracefully on SIGTERM / Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the reconciler until stopped.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      description =
          "YAML config file; every key can be overridden by a LAGLINE_* environment variable.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    ReconcilerConfig loaded = ConfigLoader.load(config, System.getenv());
    LOG.info("configuration (secrets masked): {}", loaded);
    ReconcilerApp app = ReconcilerApp.start(loaded);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              app.close();
              stopped.countDown();
            },
            "lagline-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Throwable failed;
    try {
      failed = app.failure().get();
    } catch (ExecutionException e) {
      failed = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.await();
      return 0;
    }
    // the subscriber failed for good: stop with a message and a non-zero code so the orchestrator
    // restarts us
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      app.close();
    } catch (IllegalStateException shuttingDown) {
      // a SIGTERM arrived at the same time: the hook closes the app
    }
    throw new LaglineException(
        "the Pub/Sub subscriber stopped: "
            + failed
            + " (check pubsub.subscription, credentials and the network; the process exits to be restarted)");
  }
}
