package io.lagline.producer.http;

import io.lagline.contract.ContractException;
import io.lagline.contract.Contracts;
import io.lagline.error.LaglineException;
import io.lagline.producer.auth.Authenticator;
import io.lagline.producer.auth.BearerTokenAuthenticator;
import io.lagline.producer.auth.OidcAuthenticator;
import io.lagline.producer.ingest.IdempotencyStore;
import io.lagline.producer.ingest.Ingest;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.SettingNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service put together from a {@link ServeConfig}: the Pub/Sub connection and publisher,
 * heartbeats, the authenticator of the configured mode, the idempotency store and the HTTP server.
 * {@link #close()} stops in order: the server first (stop accepting, answer what is in flight),
 * then heartbeats, then the publisher (flushes what is batched, waits for confirmations), then the
 * connection.
 */
public final class ServeApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServeApp.class);

  /** The settings that select where and as whom to publish, for messages about the connection. */
  static final SettingNames SETTING_NAMES =
      new SettingNames(ServeKey.EMULATOR_HOST.path(), ServeKey.CREDENTIALS_FILE.path());

  private final PubSubConnection connection;
  private final EventPublisher publisher;
  private final Heartbeats heartbeats;
  private final IngestServer server;

  private ServeApp(
      PubSubConnection connection,
      EventPublisher publisher,
      Heartbeats heartbeats,
      IngestServer server) {
    this.connection = connection;
    this.publisher = publisher;
    this.heartbeats = heartbeats;
    this.server = server;
  }

  /**
   * Connects, starts heartbeats and serves.
   *
   * @param producerId the id heartbeats carry, e.g. {@link Heartbeats#defaultProducerId()}
   * @throws LaglineException when the contracts cannot be loaded, Pub/Sub cannot be reached or the
   *     port bound; whatever was started is closed
   */
  public static ServeApp start(ServeConfig config, String producerId) {
    Contracts contracts = contracts(config.contracts());
    Authenticator auth = authenticator(config);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PublishMetrics publishMetrics = new PublishMetrics(eventTypes(contracts));
    publishMetrics.bindTo(registry);
    HttpMetrics httpMetrics = new HttpMetrics();
    httpMetrics.bindTo(registry);
    PubSubStatus pubsub = new PubSubStatus();
    pubsub.bindTo(registry);
    PubSubConnection connection =
        PubSubConnection.create(
            config.emulatorHost(), config.credentialsFile(), List.of(), SETTING_NAMES);
    EventPublisher publisher = null;
    Heartbeats heartbeats = null;
    try {
      // the schemas are checked by Ingest, a batch whole before any of it is published
      publisher =
          new ObservedPublisher(
              PubSubEventPublisher.create(
                  config.topic(), connection, config.publisher(), publishMetrics, Optional.empty()),
              pubsub);
      heartbeats =
          Heartbeats.start(publisher, producerId, config.heartbeatInterval(), publishMetrics);
      IngestServer server =
          IngestServer.start(
              config.host(),
              config.port(),
              new IngestServer.Parts(
                  new Ingest(publisher, Optional.of(contracts), config.maxBatchSize()),
                  auth,
                  new IdempotencyStore(
                      config.idempotencyTtl(), config.idempotencyCapacity(), System::nanoTime),
                  config.maxBodyBytes(),
                  httpMetrics,
                  registry,
                  pubsub),
              config.shutdownTimeout());
      LOG.info(
          "Serving events for {} (auth {}, payload schemas {})",
          config.topic(),
          config.authMode(),
          contracts.source());
      return new ServeApp(connection, publisher, heartbeats, server);
    } catch (RuntimeException e) {
      closeAll(heartbeats, publisher, connection);
      throw e;
    }
  }

  /** Where the service listens, {@code http://HOST:PORT}. */
  public URI uri() {
    return server.uri();
  }

  /** Whether {@code /health/ready} answers 200. */
  public boolean ready() {
    return server.ready();
  }

  /** Stops gracefully (see the class comment). Idempotent. */
  @Override
  public void close() {
    server.stop();
    closeAll(heartbeats, publisher, connection);
    LOG.info("Ingest service stopped");
  }

  private static void closeAll(AutoCloseable... parts) {
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private static Contracts contracts(String setting) {
    try {
      return setting.equals(ServeConfig.DEFAULT_CONTRACTS)
          ? Contracts.bundled()
          : Contracts.load(Path.of(setting));
    } catch (ContractException e) {
      throw new LaglineException(
          ServeKey.CONTRACTS.path() + " = " + setting + ": " + e.getMessage(), e);
    }
  }

  private static Authenticator authenticator(ServeConfig config) {
    return switch (config.authMode()) {
      case TOKEN -> new BearerTokenAuthenticator(config.token());
      case OIDC -> OidcAuthenticator.google(config.audience());
      case NONE -> {
        LOG.warn(
            "Authentication is off ({} = none): every caller may publish",
            ServeKey.AUTH_MODE.path());
        yield Authenticator.none();
      }
    };
  }

  private static List<String> eventTypes(Contracts contracts) {
    return contracts.keys().stream().map(k -> k.eventType()).distinct().toList();
  }
}
