package io.lagline.reconciler.cli;

import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "lagline-shutdown"));
    stopped.await();
    return 0;
  }
}
