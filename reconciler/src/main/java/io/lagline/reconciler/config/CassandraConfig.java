package io.lagline.reconciler.config;

import io.lagline.config.Secret;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the reconciler reaches Cassandra. See the configuration reference in the README for each key.
 *
 * @param contactPoints {@code host:port} of one or more nodes of the local datacenter
 * @param localDatacenter the datacenter the reconciler runs in; requests stay there
 * @param keyspace the keyspace holding the mapped tables
 * @param username login for PasswordAuthenticator, or null
 * @param password password, a secret (from the environment or a file), or null
 * @param consistency consistency of the commit phase of each write
 * @param serialConsistency consistency of the Paxos phase of each write
 * @param requestTimeout how long the driver waits for one request
 * @param writeConcurrency how many writes are in flight at most across all events
 * @param coalesceSuperseded fold waiting older versions of an entity into its newest one
 *     (upsert-if-newer only)
 * @param tls client encryption ({@code cassandra.tls.*}); {@link CassandraTls#disabled()} for
 *     plaintext
 * @param versionCache what Cassandra confirmed about recently written rows ({@code
 *     cassandra.version-cache.*})
 */
public record CassandraConfig(
    List<InetSocketAddress> contactPoints,
    String localDatacenter,
    String keyspace,
    String username,
    Secret password,
    Consistency consistency,
    Consistency serialConsistency,
    Duration requestTimeout,
    WriteConcurrency writeConcurrency,
    boolean coalesceSuperseded,
    CassandraTls tls,
    VersionCacheConfig versionCache) {

  /** Default for {@code cassandra.consistency}. */
  public static final Consistency DEFAULT_CONSISTENCY = Consistency.LOCAL_QUORUM;

  /** Default for {@code cassandra.serial-consistency}. */
  public static final Consistency DEFAULT_SERIAL_CONSISTENCY = Consistency.LOCAL_SERIAL;

  /** Default for {@code cassandra.request-timeout}. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Default for {@code cassandra.coalesce-superseded}. */
  public static final boolean DEFAULT_COALESCE_SUPERSEDED = true;

  /** Consistency levels the reconciler accepts, by name. */
  public enum Consistency {
    ONE,
    TWO,
    THREE,
    QUORUM,
    ALL,
    LOCAL_QUORUM,
    EACH_QUORUM,
    LOCAL_ONE,
    SERIAL,
    LOCAL_SERIAL;

    /** True for the two levels allowed in the Paxos phase. */
    public boolean isSerial() {
      return this == SERIAL || this == LOCAL_SERIAL;
    }
  }
}
