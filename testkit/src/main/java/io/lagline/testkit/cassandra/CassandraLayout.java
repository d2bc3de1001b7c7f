package io.lagline.testkit.cassandra;

import io.lagline.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one local Cassandra node keeps everything, and the loopback address and ports it listens
 * on. Fixed for the node's lifetime, so a restart finds its data and clients find it at the same
 * address.
 *
 * @param address the node's {@code listen_address} and {@code rpc_address}, a {@code 127.x.y.z}
 *     address ({@link #LOOPBACK} for a single node; the nodes of a cluster each have their own)
 * @param jmxPort the local JMX port; JMX binds {@code 127.0.0.1} whatever the address, so the nodes
 *     of a cluster need different ones
 */
public record CassandraLayout(
    Path baseDir, String address, int nativePort, int storagePort, int jmxPort) {

  /** The address of a single node. */
  public static final String LOOPBACK = "127.0.0.1";

  public CassandraLayout {
    if (address == null || !address.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException(
          "address '" + address + "' must be a loopback address 127.x.y.z");
    }
  }

  /** A single node's layout, on {@link #LOOPBACK}. */
  public CassandraLayout(Path baseDir, int nativePort, int storagePort, int jmxPort) {
    this(baseDir, LOOPBACK, nativePort, storagePort, jmxPort);
  }

  static CassandraLayout withFreePorts(Path baseDir) {
    int[] ports = FreePorts.pick(3);
    return new CassandraLayout(baseDir.toAbsolutePath(), ports[0], ports[1], ports[2]);
  }

  /** {@code address:storagePort}, how seeds and peers name this node. */
  public String storageEndpoint() {
    return address + ":" + storagePort;
  }

  Path dataDir() {
    return baseDir.resolve("data");
  }

  Path commitlogDir() {
    return baseDir.resolve("commitlog");
  }

  Path savedCachesDir() {
    return baseDir.resolve("saved_caches");
  }

  Path hintsDir() {
    return baseDir.resolve("hints");
  }

  Path cdcRawDir() {
    return baseDir.resolve("cdc_raw");
  }

  Path triggersDir() {
    return baseDir.resolve("triggers");
  }

  Path confDir() {
    return baseDir.resolve("conf");
  }

  Path logDir() {
    return baseDir.resolve("logs");
  }

  Path yamlFile() {
    return confDir().resolve("cassandra.yaml");
  }

  Path logbackFile() {
    return confDir().resolve("logback.xml");
  }

  /** The data center and rack of a node with {@code GossipingPropertyFileSnitch}. */
  Path rackDcFile() {
    return confDir().resolve("cassandra-rackdc.properties");
  }

  /** Cassandra's own log, written by the node's logback configuration. */
  Path systemLog() {
    return logDir().resolve("system.log");
  }

  /** The node's captured stdout and stderr (JVM warnings, crashes). */
  Path outputLog() {
    return logDir().resolve("output.log");
  }

  void createDirectories() {
    try {
      for (Path dir :
          List.of(
              dataDir(),
              commitlogDir(),
              savedCachesDir(),
              hintsDir(),
              cdcRawDir(),
              triggersDir(),
              confDir(),
              logDir())) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not create the Cassandra directories under " + baseDir, e);
    }
  }
}
