package io.lagline.testkit.cassandra;

import io.lagline.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one local Cassandra node keeps everything, and the ports it listens on. Fixed for the
 * node's lifetime, so a restart finds its data and clients find it at the same address.
 */
public record CassandraLayout(Path baseDir, int nativePort, int storagePort, int jmxPort) {

  static CassandraLayout withFreePorts(Path baseDir) {
    int[] ports = FreePorts.pick(3);
    return new CassandraLayout(baseDir.toAbsolutePath(), ports[0], ports[1], ports[2]);
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
