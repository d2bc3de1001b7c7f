package io.lagline.testkit.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.lagline.testkit.cassandra.CassandraClients;
import io.lagline.testkit.cassandra.CassandraNode;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether every node of a cluster sees every node as a member and up, asked over CQL of each node
 * in turn: its {@code system.peers_v2} must list every other node with a host id and tokens (a
 * joined member), and a read at consistency ALL that it coordinates must succeed. That read needs
 * every replica alive in the coordinator's failure detector and answering; {@code
 * system_distributed} has three replicas, so with up to three nodes they are all of them.
 */
final class ClusterProbe {
  static final String MEMBERS_QUERY = "SELECT peer, host_id, tokens FROM system.peers_v2";

  /** Any partition will do; this one is always empty. */
  static final String ALL_REPLICAS_QUERY =
      "SELECT id FROM system_distributed.repair_history"
          + " WHERE keyspace_name = 'lagline_probe' AND columnfamily_name = 'probe' LIMIT 1";

  private ClusterProbe() {}

  /**
   * Returns when each of {@code nodes} sees all of them up.
   *
   * @throws IllegalStateException naming the first node that does not yet
   */
  static void check(List<CassandraNode> nodes) {
    for (CassandraNode node : nodes) {
      Set<String> others = new TreeSet<>();
      nodes.stream().filter(n -> n != node).forEach(n -> others.add(n.address()));
      try (CqlSession session =
          CassandraClients.probeSession(
              node.options(), node.contactPoint(), node.localDatacenter())) {
        Set<String> members = members(session);
        if (!members.containsAll(others)) {
          throw new IllegalStateException(
              "its members are " + members + ", not yet all of " + others);
        }
        session.execute(
            SimpleStatement.newInstance(ALL_REPLICAS_QUERY)
                .setConsistencyLevel(DefaultConsistencyLevel.ALL));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            node.address() + " does not see every node up: " + e.getMessage(), e);
      }
    }
  }

  private static Set<String> members(CqlSession session) {
    Set<String> members = new TreeSet<>();
    for (Row row : session.execute(MEMBERS_QUERY)) {
      InetAddress peer = row.getInetAddress("peer");
      Set<String> tokens = row.getSet("tokens", String.class);
      if (peer != null && row.getUuid("host_id") != null && !tokens.isEmpty()) {
        members.add(peer.getHostAddress());
      }
    }
    return members;
  }
}
