package io.lagline.producer.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.cli.ExitCodes;
import io.lagline.cli.StopSignals;
import io.lagline.config.ConfigReader;
import io.lagline.producer.http.ServeApp;
import io.lagline.producer.http.ServeConfig;
import io.lagline.producer.http.ServeKey;
import io.lagline.producer.publish.Heartbeats;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code producer serve}: the HTTP ingest service, until SIGTERM or SIGINT. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serves POST /v1/events and POST /v1/events:batch: validates each event (envelope and payload"
          + " schema), publishes it and answers 202 once Pub/Sub confirmed it.",
      "Also GET /metrics, /health/live and /health/ready. SIGTERM stops gracefully: stop accepting,"
          + " answer the requests in flight, flush the publisher.",
      "Settings: --config FILE (serve.* and publisher.* keys), overridden by LAGLINE_SERVE_* and"
          + " LAGLINE_PUBLISHER_* environment variables; see the producer README.",
      "Exit codes: 0 stopped by a signal, 2 settings error, 3 Pub/Sub unusable, 4 unexpected error."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private final Map<String, String> env;

  @Mixin private CommonOptions common;

  @Option(
      names = "--producer-id",
      paramLabel = "ID",
      description =
          "The producer id heartbeats carry as entity key (default: host name and a random"
              + " suffix).")
  private String producerId;

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    ConfigReader reader = ConfigReader.load(common.config(), env, ServeKey.ENV_PREFIX);
    ServeConfig config = ServeConfig.from(reader, env);
    reader.finish();
    LOG.info("configuration (secrets masked): {}", config);
    CompletableFuture<Void> stop = new CompletableFuture<>();
    AtomicInteger signals = new AtomicInteger();
    try (ServeApp app =
        ServeApp.start(config, producerId == null ? Heartbeats.defaultProducerId() : producerId)) {
      boolean trapped =
          StopSignals.trap(
              () -> {
                if (signals.incrementAndGet() > 1) {
                  LOG.warn("second stop signal: exiting without finishing the requests in flight");
                  Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
                LOG.info("stop signal received");
                stop.complete(null);
              });
      if (!trapped) {
        Thread hook = new Thread(app::close, "lagline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
      }
      stop.get();
    }
    return ExitCodes.OK;
  }
}
