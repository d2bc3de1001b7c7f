package io.lagline.faults;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every scenario of a test class shares: one local stack (a real Pub/Sub emulator and a real
 * Cassandra node, or a cluster of three), an admin connection to the emulator, and a reader session
 * to Cassandra that connects directly (never through a fault proxy). On a cluster the reader reads
 * at {@code LOCAL_QUORUM}, so a replica that missed writes while it was down cannot hide them, and
 * gives requests (schema changes among three nodes included) 30 s.
 */
final class FaultStack implements AutoCloseable {
  /** System property naming the output directory, absolute or relative to this module. */
  static final String OUT_PROPERTY = "faults.out";

  /** How long the reader's requests may take on a cluster. */
  static final Duration CLUSTER_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final LocalStack stack;
  private final boolean cluster;
  private final PubSubTestResources pubsub;
  private volatile CqlSession reader;

  FaultStack(LocalStack stack, boolean cluster) {
    this.stack = stack;
    this.cluster = cluster;
    this.pubsub = stack.connectPubSub();
    this.reader = openReader();
  }

  /** A stack of one Cassandra node. */
  FaultStack(LocalStack stack) {
    this(stack, false);
  }

  /** Whether Cassandra is the stack's cluster of three nodes. */
  boolean cluster() {
    return cluster;
  }

  private CqlSession openReader() {
    if (!cluster) {
      return stack.cassandra().sessionBuilder().build();
    }
    return stack
        .cassandraCluster()
        .sessionBuilder()
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, CLUSTER_REQUEST_TIMEOUT)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .build())
        .build();
  }

  LocalStack stack() {
    return stack;
  }

  PubSubTestResources pubsub() {
    return pubsub;
  }

  /** The session the checks read with. */
  CqlSession reader() {
    return reader;
  }

  /** Replaces the reader session, after the node was restarted. */
  void reopenReader() {
    CqlSession old = reader;
    reader = openReader();
    old.close();
  }

  /** This module's directory (Failsafe runs in it; {@code basedir} names it). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /** The repository's mapping, {@code config/mapping.yaml}. */
  static Path mappingFile() {
    for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
      Path mapping = dir.resolve("config").resolve("mapping.yaml");
      if (Files.isRegularFile(mapping)) {
        return mapping;
      }
    }
    throw new IllegalStateException("config/mapping.yaml not found above " + moduleDir());
  }

  /**
   * Where the table and the logs go: the directory {@value #OUT_PROPERTY} names ({@code bin/faults
   * --out}), else {@code target} for the single-node suite and {@code target/cluster} for the
   * cluster suite (both run in one {@code verify}).
   */
  Path outDir() {
    return outDir(cluster);
  }

  /** {@link #outDir()} of the single-node suite or of the cluster suite. */
  static Path outDir(boolean cluster) {
    String out = System.getProperty(OUT_PROPERTY, "");
    Path target = moduleDir().resolve("target");
    if (out.isBlank()) {
      return cluster ? target.resolve("cluster") : target;
    }
    return moduleDir().resolve(out.trim()).toAbsolutePath();
  }

  /** {@code <out>/fault-logs/<scenario>}: the reconciler logs of one scenario. */
  Path logDir(String scenario) {
    return outDir().resolve("fault-logs").resolve(scenario);
  }

  /** {@code <out>/fault-table.md}, with {@code fault-summary.json} beside it. */
  Path tableFile() {
    return tableFile(cluster);
  }

  /** {@link #tableFile()} of the single-node suite or of the cluster suite. */
  static Path tableFile(boolean cluster) {
    return outDir(cluster).resolve("fault-table.md");
  }

  @Override
  public void close() {
    reader.close();
    pubsub.close();
  }
}
