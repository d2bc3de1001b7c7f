package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.cluster.CassandraClusterOptions;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emulator and a Cassandra node, or a local cluster of them, as child processes. They start in
 * parallel: the emulator is up in about two seconds while Cassandra takes most of the start-up.
 */
final class EmbeddedBackend implements StackBackend {
  private final PubSubEmulator emulator;
  private final CassandraNode cassandra;
  private final CassandraCluster cluster;

  private EmbeddedBackend(
      PubSubEmulator emulator, CassandraNode cassandra, CassandraCluster cluster) {
    this.emulator = emulator;
    this.cassandra = cassandra;
    this.cluster = cluster;
  }

  static EmbeddedBackend start(LocalStackOptions options, Path baseDir) {
    CompletableFuture<PubSubEmulator> emulatorStart = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                emulatorStart.complete(
                    PubSubEmulator.start(options.emulator(), baseDir.resolve("pubsub")));
              } catch (Throwable t) {
                emulatorStart.completeExceptionally(t);
              }
            },
            "lagline-emulator-start");
    starter.setDaemon(true);
    starter.start();
    CassandraNode cassandra = null;
    CassandraCluster cluster = null;
    try {
      if (options.cassandraNodes() == 1) {
        cassandra = CassandraNode.start(options.cassandra(), baseDir.resolve("cassandra"));
      } else {
        cluster =
            CassandraCluster.start(
                CassandraClusterOptions.builder()
                    .nodes(options.cassandraNodes())
                    .remoteNodes(options.cassandraRemoteNodes())
                    .node(options.cassandra())
                    .build(),
                baseDir.resolve("cassandra"));
        cassandra = cluster.node(1);
      }
    } catch (RuntimeException e) {
      emulatorStart.thenAccept(PubSubEmulator::stop);
      throw e;
    }
    try {
      return new EmbeddedBackend(emulatorStart.join(), cassandra, cluster);
    } catch (CompletionException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        cassandra.stop();
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Override
  public String pubsubEmulatorHost() {
    return emulator.host();
  }

  @Override
  public List<InetSocketAddress> cassandraContactPoints() {
    return cluster != null ? cluster.contactPoints() : List.of(cassandra.contactPoint());
  }

  @Override
  public String localDatacenter() {
    return cassandra.localDatacenter();
  }

  @Override
  public CassandraNode cassandra() {
    return cassandra;
  }

  @Override
  public CassandraCluster cassandraCluster() {
    if (cluster == null) {
      throw new UnsupportedOperationException(
          "cassandraCluster() controls a cluster (LocalStackOptions.cassandraNodes(2 or 3)); this"
              + " stack runs one node, see cassandra()");
    }
    return cluster;
  }

  @Override
  public PubSubEmulator emulator() {
    return emulator;
  }

  @Override
  public void close() {
    try {
      if (cluster != null) {
        cluster.close();
      } else {
        cassandra.stop();
      }
    } finally {
      emulator.stop();
    }
  }
}
