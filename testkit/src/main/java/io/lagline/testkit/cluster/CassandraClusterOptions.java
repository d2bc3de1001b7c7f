package io.lagline.testkit.cluster;

import io.lagline.testkit.OptionChecks;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a local Cassandra cluster. {@link #defaults()} is three nodes of {@link
 * CassandraNodeOptions#defaults()} in data center {@value CassandraNode#LOCAL_DATACENTER}.
 *
 * @param nodes how many nodes, 1 to {@value #MAX_NODES}, on {@code 127.0.0.1} upwards
 * @param datacenter the data center of every node, or of the first {@code nodes - remoteNodes}
 * @param remoteNodes how many of the last nodes run in a second data center, {@value
 *     #REMOTE_DATACENTER} (default 0: one data center)
 * @param node the settings of every node (heap, tokens, timeouts, authentication, TLS); its start
 *     timeout bounds each node's start
 * @param upTimeout how long to wait, after every node answers CQL, until each sees all the others
 *     up; also the wait of {@link CassandraCluster#awaitAllUp()}
 */
public record CassandraClusterOptions(
    int nodes, String datacenter, int remoteNodes, CassandraNodeOptions node, Duration upTimeout) {

  /** The second data center's name, when {@link #remoteNodes()} is not 0. */
  public static final String REMOTE_DATACENTER = "datacenter2";

  /**
   * At most three nodes: the readiness check reads at consistency ALL from {@code
   * system_distributed}, whose three replicas are every node only up to three.
   */
  public static final int MAX_NODES = 3;

  public static final int DEFAULT_NODES = 3;
  public static final Duration DEFAULT_UP_TIMEOUT = Duration.ofSeconds(120);

  public CassandraClusterOptions {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes must be between 1 and " + MAX_NODES + ", was " + nodes);
    }
    Objects.requireNonNull(datacenter, "datacenter");
    if (remoteNodes < 0 || remoteNodes >= nodes) {
      throw new IllegalArgumentException(
          "remoteNodes must be between 0 and nodes - 1 (" + (nodes - 1) + "), was " + remoteNodes);
    }
    if (remoteNodes > 0 && datacenter.equals(REMOTE_DATACENTER)) {
      throw new IllegalArgumentException(
          "datacenter must differ from the remote one, " + REMOTE_DATACENTER);
    }
    Objects.requireNonNull(node, "node");
    OptionChecks.requirePositive("upTimeout", upTimeout);
  }

  /** The data center of node {@code number} (from 1). */
  public String datacenterOf(int number) {
    return number > nodes - remoteNodes ? REMOTE_DATACENTER : datacenter;
  }

  public static CassandraClusterOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CassandraClusterOptions}; unset values keep their defaults. */
  public static final class Builder {
    private int nodes = DEFAULT_NODES;
    private String datacenter = CassandraNode.LOCAL_DATACENTER;
    private int remoteNodes;
    private CassandraNodeOptions node = CassandraNodeOptions.defaults();
    private Duration upTimeout = DEFAULT_UP_TIMEOUT;

    private Builder() {}

    /** Default {@value CassandraClusterOptions#DEFAULT_NODES}. */
    public Builder nodes(int value) {
      nodes = value;
      return this;
    }

    /** Default {@value CassandraNode#LOCAL_DATACENTER}. */
    public Builder datacenter(String value) {
      datacenter = value;
      return this;
    }

    /**
     * Default 0. With 1 (of 3 nodes), node 3 runs in {@value
     * CassandraClusterOptions#REMOTE_DATACENTER} and {@link CassandraCluster#replication()} keeps
     * two replicas in the local data center and one in the remote one.
     */
    public Builder remoteNodes(int value) {
      remoteNodes = value;
      return this;
    }

    /** Default {@link CassandraNodeOptions#defaults()} (each node: -Xms512m -Xmx1g, Serial GC). */
    public Builder node(CassandraNodeOptions value) {
      node = value;
      return this;
    }

    /** Default 120 s. */
    public Builder upTimeout(Duration value) {
      upTimeout = value;
      return this;
    }

    public CassandraClusterOptions build() {
      return new CassandraClusterOptions(nodes, datacenter, remoteNodes, node, upTimeout);
    }
  }
}
