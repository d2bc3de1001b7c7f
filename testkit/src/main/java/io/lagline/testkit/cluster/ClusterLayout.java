package io.lagline.testkit.cluster;

import io.lagline.testkit.FreePorts;
import io.lagline.testkit.cassandra.CassandraLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the nodes of a local cluster live: node {@code i} (from 1) on {@code 127.0.0.i} under
 * {@code <base>/node<i>}. Every node listens on the same native and storage ports at its own
 * address; the JMX ports differ, since local JMX binds {@code 127.0.0.1} whatever the node's
 * address. Linux routes all of {@code 127.0.0.0/8} to the loopback interface, so no set-up is
 * needed.
 */
final class ClusterLayout {
  private ClusterLayout() {}

  /** The address of node {@code node} (from 1). */
  static String address(int node) {
    return "127.0.0." + node;
  }

  static List<String> addresses(int nodes) {
    List<String> addresses = new ArrayList<>(nodes);
    for (int node = 1; node <= nodes; node++) {
      addresses.add(address(node));
    }
    return addresses;
  }

  /**
   * The layouts of {@code nodes} nodes.
   *
   * @param ports the native port, the storage port, then one JMX port per node
   */
  static List<CassandraLayout> layouts(Path baseDir, int nodes, int[] ports) {
    if (ports.length != 2 + nodes) {
      throw new IllegalArgumentException(
          "need " + (2 + nodes) + " ports for " + nodes + " nodes, got " + ports.length);
    }
    List<CassandraLayout> layouts = new ArrayList<>(nodes);
    for (int node = 1; node <= nodes; node++) {
      layouts.add(
          new CassandraLayout(
              baseDir.resolve("node" + node).toAbsolutePath(),
              address(node),
              ports[0],
              ports[1],
              ports[1 + node]));
    }
    return List.copyOf(layouts);
  }

  /** Layouts on ports free at every node's address. */
  static List<CassandraLayout> withFreePorts(Path baseDir, int nodes) {
    return layouts(baseDir, nodes, FreePorts.pickOnEvery(addresses(nodes), 2 + nodes));
  }

  /**
   * Every node is a seed: a new, empty cluster has nothing to bootstrap, the nodes can start
   * together, and any node can restart while any other is down.
   */
  static List<String> seeds(List<CassandraLayout> layouts) {
    return layouts.stream().map(CassandraLayout::storageEndpoint).toList();
  }
}
