package io.lagline.testkit.cluster;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.cassandra.CassandraClients;
import io.lagline.testkit.cassandra.CassandraLayout;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cassandra.CassandraTopology;
import io.lagline.testkit.process.Readiness;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Cassandra 5.0 cluster: up to three real nodes as child JVMs, node {@code i} on {@code
 * 127.0.0.i}, in one data center ({@code GossipingPropertyFileSnitch}), each with its own data,
 * configuration and logs under {@code <base>/node<i>}. {@link #start} returns once every node sees
 * every node up, so a keyspace with {@link #replication()} takes quorum writes and LWTs at once.
 *
 * <p>Each node is a {@link CassandraNode}: {@link #node(int)} kills (SIGKILL), freezes (SIGSTOP),
 * thaws, stops and starts it, and tells its address and ports, for fault tests.
 *
 * <pre>{@code
 * try (CassandraCluster cluster = CassandraCluster.start(CassandraClusterOptions.defaults(), dir);
 *     CqlSession session = cluster.sessionBuilder().build()) {
 *   session.execute("CREATE KEYSPACE ks WITH replication = "
 *       + KeyspaceReplication.cql(cluster.replication()));
 *   cluster.node(2).kill();     // writes at LOCAL_QUORUM still succeed
 *   cluster.restart(2);         // back, and seen up by every node
 * }
 * }</pre>
 */
public final class CassandraCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraCluster.class);

  private final CassandraClusterOptions options;
  private final List<CassandraNode> nodes;
  private Duration startupTime = Duration.ZERO;

  private CassandraCluster(CassandraClusterOptions options, List<CassandraNode> nodes) {
    this.options = options;
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Lays out the nodes under {@code baseDir}, starts them all at once (every node is a seed, none
   * bootstraps) and waits until each node sees every node up.
   *
   * @throws TestkitException when a node fails to start or the nodes do not see each other within
   *     the timeouts; every node started is stopped and the directories are kept
   */
  public static CassandraCluster start(CassandraClusterOptions options, Path baseDir) {
    long started = System.nanoTime();
    List<CassandraLayout> layouts = ClusterLayout.withFreePorts(baseDir, options.nodes());
    List<String> seeds = ClusterLayout.seeds(layouts);
    CassandraCluster cluster =
        new CassandraCluster(
            options,
            inParallel(
                layouts,
                layout ->
                    CassandraNode.start(
                        options.node(),
                        layout,
                        CassandraTopology.clusterNode(
                            seeds, options.datacenterOf(layouts.indexOf(layout) + 1))),
                CassandraNode::stop));
    try {
      cluster.awaitAllUp();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    cluster.startupTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "Cassandra cluster of {} nodes up in {} ms (nodes answered CQL after {} ms), logs under {}",
        cluster.nodes.size(),
        cluster.startupTime.toMillis(),
        cluster.nodes.stream().map(n -> n.lastStartupTime().toMillis()).toList(),
        baseDir.toAbsolutePath());
    return cluster;
  }

  /**
   * Node {@code number}, from 1: node 1 listens on {@code 127.0.0.1}, node 2 on {@code 127.0.0.2}.
   */
  public CassandraNode node(int number) {
    if (number < 1 || number > nodes.size()) {
      throw new IllegalArgumentException(
          "node must be between 1 and " + nodes.size() + ", was " + number);
    }
    return nodes.get(number - 1);
  }

  /** The nodes, node 1 first. */
  public List<CassandraNode> nodes() {
    return nodes;
  }

  /**
   * The {@code address:nativePort} of every node in the local data center, node 1 first: the
   * contact points a client there is given (all of them, with one data center).
   */
  public List<InetSocketAddress> contactPoints() {
    return nodes.stream()
        .filter(n -> n.localDatacenter().equals(options.datacenter()))
        .map(CassandraNode::contactPoint)
        .toList();
  }

  public String localDatacenter() {
    return options.datacenter();
  }

  /**
   * The replication of a keyspace that survives the loss of a node: {@code
   * {class=NetworkTopologyStrategy, <datacenter>=3}} (the node count, if fewer); with a remote data
   * center, one replica per node in each, e.g. {@code {..., datacenter1=2, datacenter2=1}}.
   */
  public Map<String, String> replication() {
    int remote = options.remoteNodes();
    if (remote == 0) {
      return KeyspaceReplication.forNodes(nodes.size(), options.datacenter());
    }
    return KeyspaceReplication.forDatacenters(
        nodes.size() - remote,
        options.datacenter(),
        remote,
        CassandraClusterOptions.REMOTE_DATACENTER);
  }

  /**
   * A session builder with every node as a contact point, the data center, and the credentials and
   * TLS of the node options.
   */
  public CqlSessionBuilder sessionBuilder() {
    return CassandraClients.sessionBuilder(options.node(), contactPoints(), options.datacenter());
  }

  /**
   * Waits until each node sees every node as a member and up ({@link ClusterProbe}), for at most
   * {@link CassandraClusterOptions#upTimeout()}.
   *
   * @throws IllegalStateException at once when a node is not running or is frozen
   * @throws TestkitException when the nodes do not see each other up in time
   */
  public void awaitAllUp() {
    for (CassandraNode node : nodes) {
      if (!node.isRunning() || node.isFrozen()) {
        throw new IllegalStateException(
            "node "
                + node.address()
                + " is "
                + (node.isRunning() ? "frozen" : "not running")
                + "; every node must run to be seen up");
      }
    }
    Readiness.await(
        "every one of the " + nodes.size() + " Cassandra nodes seeing all of them up",
        options.upTimeout(),
        null,
        null,
        () -> ClusterProbe.check(nodes));
  }

  /**
   * Starts node {@code number} again on its data and ports (stopping it gracefully first if it
   * runs, thawing it if frozen) and waits until every node sees every node up.
   */
  public void restart(int number) {
    CassandraNode node = node(number);
    node.stop();
    node.start();
    awaitAllUp();
  }

  /** From the first node launched to every node seeing every node up. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Stops every node, all at once (each is thawed first if frozen); the directories stay. */
  @Override
  public void close() {
    inParallel(
        nodes,
        node -> {
          node.stop();
          return node;
        },
        node -> {});
    LOG.info("Cassandra cluster of {} nodes stopped", nodes.size());
  }

  /**
   * Applies {@code action} to every item on its own thread and waits for all; when any fails,
   * undoes the ones that succeeded and throws the first failure (the others suppressed).
   */
  private static <T, R> List<R> inParallel(List<T> items, Function<T, R> action, Consumer<R> undo) {
    List<CompletableFuture<R>> futures = new ArrayList<>();
    for (T item : items) {
      CompletableFuture<R> future = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  future.complete(action.apply(item));
                } catch (Throwable t) {
                  future.completeExceptionally(t);
                }
              },
              "lagline-cluster-" + futures.size());
      thread.setDaemon(true);
      thread.start();
      futures.add(future);
    }
    List<R> results = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<R> future : futures) {
      try {
        results.add(future.join());
      } catch (CompletionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new TestkitException("failed", e);
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      results.forEach(undo);
      throw failure;
    }
    return results;
  }
}
