package io.lagline.testkit.stack;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.cassandra.CassandraNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Services that already run, named by {@code PUBSUB_EMULATOR_HOST} ({@code host:port}), {@code
 * CASSANDRA_CONTACT_POINTS} ({@code host:port[,host:port...]}, port 9042 when omitted) and
 * optionally {@code CASSANDRA_LOCAL_DATACENTER} (default {@code datacenter1}).
 */
record ExternalEndpoints(
    String pubsubEmulatorHost,
    List<InetSocketAddress> cassandraContactPoints,
    String localDatacenter) {

  static final int DEFAULT_CQL_PORT = 9042;

  ExternalEndpoints {
    cassandraContactPoints = List.copyOf(cassandraContactPoints);
  }

  /** Present when both required variables are set. */
  static Optional<ExternalEndpoints> from(Environment env) {
    Optional<String> emulator = env.get(Environment.PUBSUB_EMULATOR_HOST);
    Optional<String> cassandra = env.get(Environment.CASSANDRA_CONTACT_POINTS);
    if (emulator.isEmpty() || cassandra.isEmpty()) {
      return Optional.empty();
    }
    checkHostPort(Environment.PUBSUB_EMULATOR_HOST, emulator.get());
    return Optional.of(
        new ExternalEndpoints(
            emulator.get(),
            parseContactPoints(cassandra.get()),
            env.get(Environment.CASSANDRA_LOCAL_DATACENTER)
                .orElse(CassandraNode.LOCAL_DATACENTER)));
  }

  /**
   * {@code host:port[,host:port...]}; an entry without a port gets 9042. IPv6 hosts go in brackets.
   */
  static List<InetSocketAddress> parseContactPoints(String value) {
    List<InetSocketAddress> points = new ArrayList<>();
    for (String raw : value.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      String host;
      String port = null;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        if (close < 0) {
          throw invalid(value);
        }
        host = entry.substring(1, close);
        if (entry.length() > close + 1) {
          if (entry.charAt(close + 1) != ':') {
            throw invalid(value);
          }
          port = entry.substring(close + 2);
        }
      } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
        host = entry.substring(0, entry.indexOf(':'));
        port = entry.substring(entry.indexOf(':') + 1);
      } else {
        host = entry;
      }
      if (host.isEmpty()) {
        throw invalid(value);
      }
      points.add(
          new InetSocketAddress(host, port == null ? DEFAULT_CQL_PORT : parsePort(value, port)));
    }
    if (points.isEmpty()) {
      throw invalid(value);
    }
    return points;
  }

  /** The {@code CASSANDRA_CONTACT_POINTS} form of {@code points}. */
  static String format(List<InetSocketAddress> points) {
    List<String> parts = new ArrayList<>();
    for (InetSocketAddress p : points) {
      String host = p.getHostString();
      parts.add((host.contains(":") ? "[" + host + "]" : host) + ":" + p.getPort());
    }
    return String.join(",", parts);
  }

  private static void checkHostPort(String name, String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new TestkitException(name + "=" + value + " must be host:port, e.g. 127.0.0.1:8085");
    }
    try {
      Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new TestkitException(name + "=" + value + " must be host:port, e.g. 127.0.0.1:8085");
    }
  }

  private static int parsePort(String whole, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw invalid(whole);
      }
      return p;
    } catch (NumberFormatException e) {
      throw invalid(whole);
    }
  }

  private static TestkitException invalid(String value) {
    return new TestkitException(
        Environment.CASSANDRA_CONTACT_POINTS
            + "="
            + value
            + " must be host:port[,host:port...], e.g. 127.0.0.1:9042 (port 9042 when omitted)");
  }
}
