package io.lagline.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real nodes on 127.0.0.1-3 with a keyspace at replication factor 3: quorum writes and LWTs
 * go on while one node is killed (SIGKILL), frozen (SIGSTOP) or cut off from the client by its
 * proxy, and the killed node comes back. Statements name their coordinator where the point is which
 * node coordinates, so the driver's choice cannot change the outcome. Each test leaves every node
 * up.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CassandraClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraClusterIT.class);

  @TempDir static Path dir;
  private static CassandraCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = CassandraCluster.start(CassandraClusterOptions.defaults(), dir);
    LOG.info("3-node cluster started in {} ms", cluster.startupTime().toMillis());
    try (CqlSession session =
        cluster.sessionBuilder().withConfigLoader(quietReconnects().build()).build()) {
      session.execute(
          "CREATE KEYSPACE lagline_cluster WITH replication = "
              + KeyspaceReplication.cql(cluster.replication()));
      session.execute(
          "CREATE TABLE lagline_cluster.entity (id text PRIMARY KEY, version bigint, origin text)");
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void quorum_writes_and_lwts_survive_a_killed_or_frozen_node() {
    try (CqlSession session =
        cluster.sessionBuilder().withConfigLoader(quietReconnects().build()).build()) {
      int port = cluster.node(1).contactPoint().getPort();
      assertThat(cluster.contactPoints())
          .containsExactly(
              new InetSocketAddress("127.0.0.1", port),
              new InetSocketAddress("127.0.0.2", port),
              new InetSocketAddress("127.0.0.3", port));
      assertThat(session.getMetadata().getNodes()).hasSize(3);
      Writes writes = new Writes(session, "kill-freeze");
      writes.succeedThrough(1, 2, 3);

      cluster.node(2).kill();
      writes.succeedThrough(1, 3);

      long restart = System.nanoTime();
      cluster.restart(2);
      LOG.info(
          "killed node restarted and seen up by all in {} ms",
          Duration.ofNanos(System.nanoTime() - restart).toMillis());
      writes.awaitDriverConnectedTo(2);
      assertThat(writes.readAll(2)).isGreaterThanOrEqualTo(writes.count());

      cluster.node(3).freeze();
      writes.succeedThrough(1, 2);
      cluster.node(3).thaw();
      cluster.awaitAllUp();
      writes.awaitDriverConnectedTo(3);
      writes.succeedThrough(3);
    }
  }

  @Test
  void a_proxy_per_node_cuts_one_node_off_from_the_client_but_not_from_its_peers() {
    try (NodeProxies proxies = NodeProxies.start(cluster);
        CqlSession session =
            proxies
                .sessionBuilder()
                .withConfigLoader(quietReconnects(proxies.configLoaderBuilder()).build())
                .build()) {
      Writes writes = new Writes(session, "proxied");
      for (int node = 1; node <= 3; node++) {
        writes.awaitDriverConnectedTo(node);
        assertThat(proxies.proxy(node).stats().openConnections())
            .as("connections through the proxy of node %d", node)
            .isPositive();
      }

      proxies.proxy(2).refuse(true);
      proxies.proxy(2).resetAll();
      await("the driver losing node 2")
          .atMost(Duration.ofSeconds(30))
          .until(() -> writes.node(2).getOpenConnections() == 0);
      writes.succeedThroughAnyNode(10);
      cluster.awaitAllUp();

      proxies.proxy(2).refuse(false);
      writes.awaitDriverConnectedTo(2);
      writes.succeedThrough(2);
    }
  }

  /** Writes one row at LOCAL_QUORUM and one by LWT (SERIAL) through each named coordinator. */
  private static final class Writes {
    private final CqlSession session;
    private final String prefix;
    private int count;

    Writes(CqlSession session, String prefix) {
      this.session = session;
      this.prefix = prefix;
    }

    /** LOCAL_QUORUM writes through whichever coordinator the driver picks. */
    void succeedThroughAnyNode(int rows) {
      for (int i = 0; i < rows; i++) {
        session.execute(
            SimpleStatement.newInstance(
                    "INSERT INTO lagline_cluster.entity (id, version, origin) VALUES (?, 1, ?)",
                    prefix + "-any-" + ++count,
                    "any node")
                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
      }
    }

    void succeedThrough(int... coordinators) {
      for (int number : coordinators) {
        String id = prefix + "-row-" + ++count;
        run(
            number,
            SimpleStatement.newInstance(
                    "INSERT INTO lagline_cluster.entity (id, version, origin) VALUES (?, 1, ?)",
                    id,
                    "quorum via node " + number)
                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
        SimpleStatement lwt =
            SimpleStatement.newInstance(
                    "INSERT INTO lagline_cluster.entity (id, version, origin) VALUES (?, 1, ?)"
                        + " IF NOT EXISTS",
                    prefix + "-lwt-" + ++count,
                    "lwt via node " + number)
                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL);
        assertThat(run(number, lwt).wasApplied()).as("first LWT via node %d", number).isTrue();
        assertThat(run(number, lwt).wasApplied()).as("repeated LWT via node %d", number).isFalse();
        Row row =
            run(
                    number,
                    SimpleStatement.newInstance(
                            "SELECT version FROM lagline_cluster.entity WHERE id = ?", id)
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
                .one();
        assertThat(row).as("%s read back at LOCAL_QUORUM via node %d", id, number).isNotNull();
      }
    }

    /** How many rows a full read at consistency ALL through {@code coordinator} returns. */
    int readAll(int coordinator) {
      return run(
              coordinator,
              SimpleStatement.newInstance("SELECT id FROM lagline_cluster.entity")
                  .setConsistencyLevel(ConsistencyLevel.ALL))
          .all()
          .size();
    }

    int count() {
      return count;
    }

    /** Waits until the driver has the node up again with a connection open. */
    void awaitDriverConnectedTo(int number) {
      await("the driver connected to node " + number)
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  node(number).getState() == NodeState.UP && node(number).getOpenConnections() > 0);
    }

    /** The driver's node for cluster node {@code number}, by the address the node advertises. */
    Node node(int number) {
      String address = cluster.node(number).address();
      return session.getMetadata().getNodes().values().stream()
          .filter(
              n ->
                  n.getBroadcastRpcAddress()
                      .map(a -> a.getAddress().getHostAddress().equals(address))
                      .orElse(false))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the driver does not know " + address));
    }

    private ResultSet run(int coordinator, SimpleStatement statement) {
      return session.execute(statement.setNode(node(coordinator)));
    }
  }

  private static ProgrammaticDriverConfigLoaderBuilder quietReconnects() {
    return quietReconnects(DriverConfigLoader.programmaticBuilder());
  }

  /** The driver's reconnection attempts to a node made unreachable are expected, not warnings. */
  private static ProgrammaticDriverConfigLoaderBuilder quietReconnects(
      ProgrammaticDriverConfigLoaderBuilder builder) {
    return builder
        .withBoolean(DefaultDriverOption.CONNECTION_WARN_INIT_ERROR, false)
        // DDL waits for three nodes to agree on the schema: seconds on two busy cores
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2));
  }
}
