package io.lagline.reconciler.config;

import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_COALESCE_SUPERSEDED;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_CONSISTENCY;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_CONTACT_POINTS;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_KEYSPACE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_LOCAL_DATACENTER;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_MAX_CONCURRENT_WRITES;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_MIN_CONCURRENT_WRITES;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_PASSWORD;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_REQUEST_TIMEOUT;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_SERIAL_CONSISTENCY;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_CA_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_CERT_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_ENABLED;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_HOSTNAME_VERIFICATION;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_KEYSTORE_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_KEYSTORE_PASSWORD;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_KEY_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_TRUSTSTORE_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_TRUSTSTORE_PASSWORD;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_USERNAME;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_VERSION_CACHE_EXPIRE_AFTER;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_VERSION_CACHE_MAX_ENTRIES;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_WRITE_CONCURRENCY;

import io.lagline.config.ConfigKey;
import io.lagline.config.ConfigReader;
import io.lagline.config.Secret;
import io.lagline.reconciler.config.CassandraConfig.Consistency;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code cassandra.*} keys and checks the rules among them. */
final class CassandraReader {
  private CassandraReader() {}

  static CassandraConfig cassandra(ConfigReader reader) {
    List<InetSocketAddress> contactPoints = contactPoints(reader);
    String dc = reader.string(CASSANDRA_LOCAL_DATACENTER);
    String keyspace = reader.string(CASSANDRA_KEYSPACE);
    String username = reader.string(CASSANDRA_USERNAME);
    Secret password = reader.secret(CASSANDRA_PASSWORD);
    if ((username == null) != (password == null)) {
      reader.problem(
          CASSANDRA_USERNAME,
          username,
          CASSANDRA_USERNAME.path()
              + " and "
              + CASSANDRA_PASSWORD.path()
              + " (or "
              + ConfigKey.fileKey(CASSANDRA_PASSWORD.path())
              + ") go together");
    }
    Consistency consistency = reader.enumValue(CASSANDRA_CONSISTENCY, Consistency.class);
    if (consistency.isSerial()) {
      reader.problem(
          CASSANDRA_CONSISTENCY,
          consistency.name(),
          "must not be a serial level; set " + CASSANDRA_SERIAL_CONSISTENCY.path() + " for that");
    }
    Consistency serial = reader.enumValue(CASSANDRA_SERIAL_CONSISTENCY, Consistency.class);
    if (!serial.isSerial()) {
      reader.problem(CASSANDRA_SERIAL_CONSISTENCY, serial.name(), "must be serial or local-serial");
    }
    return new CassandraConfig(
        contactPoints,
        dc,
        keyspace,
        username,
        password,
        consistency,
        serial,
        reader.duration(CASSANDRA_REQUEST_TIMEOUT),
        writeConcurrency(reader),
        reader.bool(CASSANDRA_COALESCE_SUPERSEDED),
        tls(reader),
        new VersionCacheConfig(
            reader.integer(CASSANDRA_VERSION_CACHE_MAX_ENTRIES),
            reader.duration(CASSANDRA_VERSION_CACHE_EXPIRE_AFTER)));
  }

  /** {@code cassandra.tls.*}: what to trust, and the client's own certificate for mutual TLS. */
  static CassandraTls tls(ConfigReader reader) {
    CassandraTls tls =
        new CassandraTls(
            reader.bool(CASSANDRA_TLS_ENABLED),
            reader.path(CASSANDRA_TLS_CA_FILE),
            reader.path(CASSANDRA_TLS_TRUSTSTORE_FILE),
            reader.secret(CASSANDRA_TLS_TRUSTSTORE_PASSWORD),
            reader.path(CASSANDRA_TLS_CERT_FILE),
            reader.path(CASSANDRA_TLS_KEY_FILE),
            reader.path(CASSANDRA_TLS_KEYSTORE_FILE),
            reader.secret(CASSANDRA_TLS_KEYSTORE_PASSWORD),
            reader.bool(CASSANDRA_TLS_HOSTNAME_VERIFICATION));
    if (!tls.enabled()) {
      Path given = firstNonNull(tls.caFile(), tls.truststoreFile(), tls.certFile(), tls.keyFile());
      if (given != null || tls.keystoreFile() != null) {
        reader.problem(
            CASSANDRA_TLS_ENABLED,
            "false",
            "must be true when cassandra.tls files are given (else they would be ignored and the"
                + " connection would be plaintext)");
      }
      return tls;
    }
    if (tls.caFile() == null && tls.truststoreFile() == null) {
      reader.problem(
          CASSANDRA_TLS_ENABLED,
          "true",
          "needs "
              + CASSANDRA_TLS_CA_FILE.path()
              + " or "
              + CASSANDRA_TLS_TRUSTSTORE_FILE.path()
              + " to trust the nodes' certificates");
    }
    if (tls.truststorePassword() != null && tls.truststoreFile() == null) {
      reader.problem(
          CASSANDRA_TLS_TRUSTSTORE_PASSWORD,
          Secret.mask(),
          "goes with " + CASSANDRA_TLS_TRUSTSTORE_FILE.path() + ", which is not set");
    }
    if ((tls.certFile() == null) != (tls.keyFile() == null)) {
      Path set = tls.certFile() != null ? tls.certFile() : tls.keyFile();
      reader.problem(
          tls.certFile() != null ? CASSANDRA_TLS_CERT_FILE : CASSANDRA_TLS_KEY_FILE,
          set.toString(),
          CASSANDRA_TLS_CERT_FILE.path()
              + " and "
              + CASSANDRA_TLS_KEY_FILE.path()
              + " go together");
    }
    if (tls.keystoreFile() != null && tls.certFile() != null) {
      reader.problem(
          CASSANDRA_TLS_KEYSTORE_FILE,
          tls.keystoreFile().toString(),
          "give either "
              + CASSANDRA_TLS_KEYSTORE_FILE.path()
              + " or "
              + CASSANDRA_TLS_CERT_FILE.path()
              + " with "
              + CASSANDRA_TLS_KEY_FILE.path()
              + ", not both");
    }
    if ((tls.keystoreFile() == null) != (tls.keystorePassword() == null)) {
      reader.problem(
          CASSANDRA_TLS_KEYSTORE_FILE,
          tls.keystoreFile() == null ? null : tls.keystoreFile().toString(),
          CASSANDRA_TLS_KEYSTORE_FILE.path()
              + " and "
              + CASSANDRA_TLS_KEYSTORE_PASSWORD.path()
              + " (or "
              + ConfigKey.fileKey(CASSANDRA_TLS_KEYSTORE_PASSWORD.path())
              + ") go together");
    }
    return tls;
  }

  private static Path firstNonNull(Path... paths) {
    for (Path path : paths) {
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  private static List<InetSocketAddress> contactPoints(ConfigReader reader) {
    List<InetSocketAddress> contactPoints = new ArrayList<>();
    for (String point : reader.list(CASSANDRA_CONTACT_POINTS)) {
      if (!KeyForms.HOST_PORT.matcher(point).matches()) {
        reader.problem(
            CASSANDRA_CONTACT_POINTS, point, "each must be host:port, e.g. 10.0.0.5:9042");
        continue;
      }
      int colon = point.lastIndexOf(':');
      int port = Integer.parseInt(point.substring(colon + 1));
      if (port < 1 || port > 65535) {
        reader.problem(CASSANDRA_CONTACT_POINTS, point, "port must be from 1 to 65535");
        continue;
      }
      String host = point.substring(0, colon).replace("[", "").replace("]", "");
      contactPoints.add(InetSocketAddress.createUnresolved(host, port));
    }
    return List.copyOf(contactPoints);
  }

  private static WriteConcurrency writeConcurrency(ConfigReader reader) {
    WriteConcurrency.Mode mode =
        reader.enumValue(CASSANDRA_WRITE_CONCURRENCY, WriteConcurrency.Mode.class);
    int max = reader.integer(CASSANDRA_MAX_CONCURRENT_WRITES);
    int min = reader.integer(CASSANDRA_MIN_CONCURRENT_WRITES);
    if (min > max) {
      reader.problem(
          CASSANDRA_MIN_CONCURRENT_WRITES,
          Integer.toString(min),
          "must not exceed " + CASSANDRA_MAX_CONCURRENT_WRITES.path() + " (" + max + ")");
      min = max;
    }
    return new WriteConcurrency(mode, min, max);
  }
}
