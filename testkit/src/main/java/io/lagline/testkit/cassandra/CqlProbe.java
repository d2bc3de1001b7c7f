package io.lagline.testkit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistanceEvaluator;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
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
    try (CqlSession session = open(contactPoints, localDatacenter, credentials, tls)) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      if (row == null) {
        throw new IllegalStateException("system.local returned no row");
      }
      return row.getString("release_version");
    }
  }

  /**
   * Opens a probe session (short timeouts, no schema or token metadata) to {@code contactPoints}
   * only, over TLS with {@code tls} when given (no hostname check).
   *
   * @param credentials {@code {username, password}}, or null
   */
  static CqlSession open(
      List<InetSocketAddress> contactPoints,
      String localDatacenter,
      String[] credentials,
      SSLContext tls) {
    CqlSessionBuilder builder = onlyThese(contactPoints, localDatacenter);
    if (credentials != null) {
      builder.withAuthCredentials(credentials[0], credentials[1]);
    }
    if (tls != null) {
      builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(tls, null, false, false));
    }
    return builder.build();
  }

  /**
   * A short-lived probe session's builder that connects to {@code contactPoints} and to no other
   * node it discovers: in a cluster, a peer that is down or frozen must not slow the probe down or
   * fail it.
   */
  private static CqlSessionBuilder onlyThese(
      List<InetSocketAddress> contactPoints, String datacenter) {
    NodeDistanceEvaluator onlyContactPoints =
        (node, localDc) ->
            isOneOf(node.getEndPoint().resolve(), contactPoints) ? null : NodeDistance.IGNORED;
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(datacenter)
        .withNodeDistanceEvaluator(onlyContactPoints)
        .withConfigLoader(config());
  }

  /** Whether a node's endpoint is one of the contact points, resolved or not. */
  static boolean isOneOf(SocketAddress endpoint, List<InetSocketAddress> contactPoints) {
    if (!(endpoint instanceof InetSocketAddress address)) {
      return false;
    }
    for (InetSocketAddress contactPoint : contactPoints) {
      if (contactPoint.getPort() == address.getPort()
          && (contactPoint.getHostString().equals(address.getHostString())
              || (contactPoint.getAddress() != null
                  && contactPoint.getAddress().equals(address.getAddress())))) {
        return true;
      }
    }
    return false;
  }

  private static DriverConfigLoader config() {
    return DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.SESSION_NAME, "lagline-testkit-probe")
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, TIMEOUT)
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, TIMEOUT)
        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(1))
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
