package io.lagline.reconciler.cassandra;

import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_CONTACT_POINTS;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_KEYSPACE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_LOCAL_DATACENTER;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_PASSWORD;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_CA_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_ENABLED;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_HOSTNAME_VERIFICATION;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_TRUSTSTORE_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_USERNAME;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import com.datastax.oss.driver.internal.core.metrics.DefaultMetricsFactory;
import com.datastax.oss.driver.internal.core.metrics.TaggingMetricIdGenerator;
import com.datastax.oss.driver.internal.metrics.micrometer.MicrometerMetricsFactory;
import io.lagline.config.ConfigKey;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.CassandraConfig;
import io.lagline.reconciler.config.CassandraTls;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Opens the driver session the reconciler writes through, with its settings taken from {@link
 * CassandraConfig}: request timeout, a connection pool sized for the reconciler's write
 * concurrency, and the driver's own metrics in the shared Micrometer registry. Fails at start-up
 * with a message naming the key to fix when the cluster, credentials or keyspace are wrong.
 */
public final class CassandraSessions {
  /** The driver session's name: the {@code session} tag of its metrics. */
  public static final String SESSION_NAME = "reconciler";

  /** Prefix of the driver's metric names ({@code lagline_cassandra_...} in Prometheus). */
  public static final String METRICS_PREFIX = "lagline.cassandra";

  /**
   * Session-wide driver metrics exported. No {@code throttling.*} metric: the reconciler configures
   * no driver throttler (it bounds its writes itself, {@code cassandra.write-concurrency}), and
   * with the default pass-through one the driver logs a WARN for its queue size at every scrape.
   */
  static final List<String> SESSION_METRICS =
      List.of("connected-nodes", "cql-requests", "cql-client-timeouts");

  /** Per-node driver metrics exported (tag {@code node}: bounded by the cluster's size). */
  static final List<String> NODE_METRICS =
      List.of(
          "pool.open-connections",
          "pool.in-flight",
          "pool.available-streams",
          "errors.connection.init",
          "errors.request.write-timeouts",
          "errors.request.read-timeouts",
          "errors.request.unavailables",
          "errors.request.aborted",
          "errors.request.unsent",
          "errors.request.others");

  /** The buckets of the driver's request-latency histogram: 1 ms to 10 s. */
  static final List<Duration> REQUEST_BUCKETS =
      List.of(
          Duration.ofMillis(1),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10));

  private CassandraSessions() {}

  /**
   * Connects and checks that the keyspace exists.
   *
   * @throws LaglineException naming the cause and the config key
   */
  public static CqlSession open(CassandraConfig config, MeterRegistry registry) {
    return open(config, registry, true);
  }

  /**
   * Connects; checks the keyspace exists when {@code requireKeyspace} (the schema command creates
   * it).
   *
   * @throws LaglineException naming the cause and the config key
   */
  public static CqlSession open(
      CassandraConfig config, MeterRegistry registry, boolean requireKeyspace) {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoints(config.contactPoints())
            .withLocalDatacenter(config.localDatacenter())
            .withConfigLoader(driverConfig(config, registry != null))
            .withMetricRegistry(registry);
    if (config.username() != null) {
      builder = builder.withAuthCredentials(config.username(), config.password().reveal());
    }
    CassandraTls tls = config.tls();
    if (tls.enabled()) {
      // the address as given, no reverse DNS: an IP contact point is checked against IP SANs
      builder =
          builder.withSslEngineFactory(
              new ProgrammaticSslEngineFactory(
                  CassandraTlsContext.of(tls), null, tls.hostnameVerification(), false));
    }
    CqlSession session;
    try {
      session = builder.build();
    } catch (AllNodesFailedException e) {
      Throwable first =
          e.getAllErrors().values().stream().flatMap(List::stream).findFirst().orElse(e);
      if (first instanceof AuthenticationException) {
        throw new LaglineException(
            "Cassandra rejected the credentials of "
                + CASSANDRA_USERNAME.path()
                + " '"
                + config.username()
                + "': fix "
                + CASSANDRA_USERNAME.path()
                + " / "
                + CASSANDRA_PASSWORD.path()
                + " (or "
                + ConfigKey.fileKey(CASSANDRA_PASSWORD.path())
                + ")",
            e);
      }
      SSLException handshake = sslCause(first);
      if (handshake != null && tls.enabled()) {
        throw new LaglineException(handshakeFailure(config, handshake), e);
      }
      throw new LaglineException(
          "cannot reach Cassandra at "
              + CASSANDRA_CONTACT_POINTS.path()
              + " "
              + config.contactPoints()
              + " ("
              + first.getMessage()
              + "): check the addresses, that the nodes are up, and "
              + CASSANDRA_LOCAL_DATACENTER.path()
              + plaintextHint(tls, first),
          e);
    } catch (RuntimeException e) {
      throw new LaglineException(
          "cannot open a Cassandra session to " + config.contactPoints() + ": " + e.getMessage(),
          e);
    }
    if (requireKeyspace && session.getMetadata().getKeyspace(config.keyspace()).isEmpty()) {
      session.close();
      throw new LaglineException(
          "keyspace '"
              + config.keyspace()
              + "' ("
              + CASSANDRA_KEYSPACE.path()
              + ") does not exist: create it with"
              + " `bin/reconciler schema --config FILE --apply`, or fix "
              + CASSANDRA_KEYSPACE.path());
    }
    return session;
  }

  /** The one line for a failed TLS handshake: which key to fix, and the JDK's reason. */
  static String handshakeFailure(CassandraConfig config, SSLException handshake) {
    CassandraTls tls = config.tls();
    String trust =
        tls.caFile() != null
            ? CASSANDRA_TLS_CA_FILE.path() + " '" + tls.caFile() + "'"
            : CASSANDRA_TLS_TRUSTSTORE_FILE.path() + " '" + tls.truststoreFile() + "'";
    return "TLS handshake with Cassandra at "
        + config.contactPoints()
        + " failed ("
        + handshake.getMessage()
        + "): check that "
        + trust
        + " holds the CA that signed the nodes' certificates"
        + (tls.hostnameVerification()
            ? ", and that they name the contact points (or set "
                + CASSANDRA_TLS_HOSTNAME_VERIFICATION.path()
                + ": false)"
            : "")
        + (tls.mutual() ? ", and that the nodes accept the client certificate" : "");
  }

  /**
   * Without TLS, a node that requires it closes the connection rather than refusing it: say so, so
   * that {@code cassandra.tls.enabled} is the first thing checked.
   */
  private static String plaintextHint(CassandraTls tls, Throwable first) {
    if (tls.enabled() || causeOf(first, ConnectException.class) != null) {
      return "";
    }
    return "; if the nodes require client encryption (TLS), set "
        + CASSANDRA_TLS_ENABLED.path()
        + ": true";
  }

  private static SSLException sslCause(Throwable error) {
    return causeOf(error, SSLException.class);
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** True when the session sees at least one node up. Cheap: reads the driver's metadata. */
  public static boolean reachable(CqlSession session) {
    return session.getMetadata().getNodes().values().stream()
        .anyMatch(n -> n.getState() == NodeState.UP);
  }

  /**
   * The driver metrics operators need, tagged rather than named by node, under one stable prefix:
   * {@code lagline_cassandra_session_*} and {@code lagline_cassandra_nodes_*{node}}. Latency timers
   * publish a few fixed buckets ({@link #REQUEST_BUCKETS}) and no percentile histogram, so a scrape
   * stays small.
   */
  private static ProgrammaticDriverConfigLoaderBuilder driverMetrics(
      ProgrammaticDriverConfigLoaderBuilder loader) {
    return loader
        .withString(DefaultDriverOption.SESSION_NAME, SESSION_NAME)
        .withString(
            DefaultDriverOption.METRICS_FACTORY_CLASS, MicrometerMetricsFactory.class.getName())
        .withString(
            DefaultDriverOption.METRICS_ID_GENERATOR_CLASS,
            TaggingMetricIdGenerator.class.getSimpleName())
        .withString(DefaultDriverOption.METRICS_ID_GENERATOR_PREFIX, METRICS_PREFIX)
        .withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, SESSION_METRICS)
        .withStringList(DefaultDriverOption.METRICS_NODE_ENABLED, NODE_METRICS)
        .withBoolean(DefaultDriverOption.METRICS_GENERATE_AGGREGABLE_HISTOGRAMS, false)
        .withDurationList(DefaultDriverOption.METRICS_SESSION_CQL_REQUESTS_SLO, REQUEST_BUCKETS);
  }

  private static DriverConfigLoader driverConfig(CassandraConfig config, boolean metrics) {
    ProgrammaticDriverConfigLoaderBuilder loader =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, config.requestTimeout())
            .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(10))
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
            .withString(DefaultDriverOption.REQUEST_CONSISTENCY, config.consistency().name())
            .withString(
                DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, config.serialConsistency().name())
            // the reconciler bounds its writes itself (cassandra.max-concurrent-writes); give them
            // room
            .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
            .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10));
    if (metrics) {
      loader = driverMetrics(loader);
    } else {
      loader =
          loader.withString(
              DefaultDriverOption.METRICS_FACTORY_CLASS,
              DefaultMetricsFactory.class.getSimpleName());
    }
    return loader.build();
  }
}
