package io.lagline.testkit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * One real CQL round trip, {@code SELECT release_version FROM system.local}, on a short-lived
 * session.
 */
public final class CqlProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private CqlProbe() {}

  /**
   * Connects, queries and disconnects.
   *
   * @param credentials {@code {username, password}}, or null
   * @return the node's release version
   */
  public static String releaseVersion(
      List<InetSocketAddress> contactPoints, String localDatacenter, String[] credentials) {
    return releaseVersion(contactPoints, localDatacenter, credentials, null);
  }

  /**
   * Connects over TLS with {@code tls} (no hostname check: the probe asks whether the node is up,
   * not who it is), queries and disconnects.
   *
   * @param credentials {@code {username, password}}, or null
   * @param tls the client context, or null for plaintext
   * @return the node's release version
   */
  public static String releaseVersion(
      List<InetSocketAddress> contactPoints,
      String localDatacenter,
      String[] credentials,
      SSLContext tls) {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoints(contactPoints)
            .withLocalDatacenter(localDatacenter)
            .withConfigLoader(config());
    if (credentials != null) {
      builder.withAuthCredentials(credentials[0], credentials[1]);
    }
    if (tls != null) {
      builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(tls, null, false, false));
    }
    try (CqlSession session = builder.build()) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      if (row == null) {
        throw new IllegalStateException("system.local returned no row");
      }
      return row.getString("release_version");
    }
  }

  private static DriverConfigLoader config() {
    return DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.SESSION_NAME, "lagline-testkit-probe")
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, TIMEOUT)
        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
        // close() waits out Netty's quiet period; the probe session has nothing in flight
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, 2)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, 2)
        .build();
  }
}
