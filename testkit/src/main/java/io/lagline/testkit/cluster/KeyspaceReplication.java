package io.lagline.testkit.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The replication a keyspace on a local Cassandra should use: {@code SimpleStrategy} with one
 * replica on a single node, {@code NetworkTopologyStrategy} with one replica per node (at most
 * three) in the local data center on a cluster, so quorum reads, writes and LWTs survive the loss
 * of one node of three.
 */
public final class KeyspaceReplication {
  /** The replication factor of a cluster of three nodes or more. */
  public static final int MAX_REPLICATION_FACTOR = 3;

  private KeyspaceReplication() {}

  /**
   * The replication map, {@code class} first, e.g. {@code {class=NetworkTopologyStrategy,
   * datacenter1=3}}: the value of the {@code schema.replication} setting.
   */
  public static Map<String, String> forNodes(int nodes, String datacenter) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
    }
    Map<String, String> replication = new LinkedHashMap<>();
    if (nodes == 1) {
      replication.put("class", "SimpleStrategy");
      replication.put("replication_factor", "1");
    } else {
      replication.put("class", "NetworkTopologyStrategy");
      replication.put(datacenter, Integer.toString(Math.min(nodes, MAX_REPLICATION_FACTOR)));
    }
    return Collections.unmodifiableMap(replication);
  }

  /**
   * The replication map of a cluster across two data centers, one replica per node in each: {@code
   * {class=NetworkTopologyStrategy, <local>=<localNodes>, <remote>=<remoteNodes>}} (at most {@value
   * #MAX_REPLICATION_FACTOR} per data center).
   */
  public static Map<String, String> forDatacenters(
      int localNodes, String local, int remoteNodes, String remote) {
    if (localNodes < 1 || remoteNodes < 1) {
      throw new IllegalArgumentException(
          "each data center needs a node, had " + localNodes + " and " + remoteNodes);
    }
    if (local.equals(remote)) {
      throw new IllegalArgumentException("the two data centers must differ, both were " + local);
    }
    Map<String, String> replication = new LinkedHashMap<>();
    replication.put("class", "NetworkTopologyStrategy");
    replication.put(local, Integer.toString(Math.min(localNodes, MAX_REPLICATION_FACTOR)));
    replication.put(remote, Integer.toString(Math.min(remoteNodes, MAX_REPLICATION_FACTOR)));
    return Collections.unmodifiableMap(replication);
  }

  /**
   * {@code replication} as a CQL map literal, for {@code CREATE KEYSPACE ... WITH replication =
   * ...}: {@code {'class': 'NetworkTopologyStrategy', 'datacenter1': '3'}}.
   */
  public static String cql(Map<String, String> replication) {
    return replication.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
