package io.lagline.demo.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lagline.config.ConfigReader;
import io.lagline.config.Secret;
import io.lagline.producer.http.ServeApp;
import io.lagline.producer.http.ServeConfig;
import io.lagline.producer.http.ServeKey;
import io.lagline.producer.publish.TopicPath;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The ingest service ({@code producer serve}) run in this process against a Pub/Sub emulator:
 * loopback only, on a free port, with the bundled contracts, heartbeats off (the caller's producer
 * sends them) and a random bearer token that never leaves the process.
 */
public final class LocalIngestService implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int TOKEN_BYTES = 32;

  private final ServeApp app;
  private final Secret token;

  private LocalIngestService(ServeApp app, Secret token) {
    this.app = app;
    this.token = token;
  }

  /** Starts the service publishing to {@code topic} on the emulator at {@code emulatorHost}. */
  public static LocalIngestService start(String emulatorHost, TopicPath topic, String producerId) {
    Secret token = randomToken();
    Map<String, String> env = new HashMap<>();
    env.put(ServeKey.HOST.envName(), LOOPBACK);
    env.put(ServeKey.PORT.envName(), "0");
    env.put(ServeKey.TOPIC.envName(), topic.toString());
    env.put(ServeKey.EMULATOR_HOST.envName(), emulatorHost);
    env.put(ServeKey.AUTH_MODE.envName(), "token");
    env.put(ServeKey.AUTH_TOKEN.envName(), token.reveal());
    env.put(ServeKey.CONTRACTS.envName(), ServeConfig.DEFAULT_CONTRACTS);
    env.put(ServeKey.HEARTBEAT_INTERVAL.envName(), "0s");
    ConfigReader reader =
        ConfigReader.of(JsonNodeFactory.instance.objectNode(), env, ServeKey.ENV_PREFIX);
    ServeConfig config = ServeConfig.from(reader, env);
    reader.finish();
    return new LocalIngestService(ServeApp.start(config, producerId), token);
  }

  /** A client of this service. */
  public IngestClient client(int concurrency) {
    return new IngestClient(uri(), token, concurrency);
  }

  /** The bearer token its callers send (never print it). */
  public Secret token() {
    return token;
  }

  /** Where the service listens, {@code http://127.0.0.1:PORT}. */
  public URI uri() {
    return app.uri();
  }

  /** Stops gracefully: every request in flight is answered first. */
  @Override
  public void close() {
    app.close();
  }

  private static Secret randomToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
