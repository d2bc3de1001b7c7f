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
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_USERNAME;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_WRITE_CONCURRENCY;

import io.lagline.config.ConfigKey;
import io.lagline.config.ConfigReader;
import io.lagline.config.Secret;
import io.lagline.reconciler.config.CassandraConfig.Consistency;
import java.net.InetSocketAddress;
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
        reader.bool(CASSANDRA_COALESCE_SUPERSEDED));
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
