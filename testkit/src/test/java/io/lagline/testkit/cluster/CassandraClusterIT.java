package io.lagline.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import io.lagline.testkit.cassandra.CassandraNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real nodes on 127.0.0.1-3 with a keyspace at replication factor 3: quorum writes and LWTs
 * go on while one node is killed (SIGKILL) or frozen (SIGSTOP), and the killed node comes back.
 * Every statement names its coordinator, so which node the driver picks cannot change the outcome.
 */
class CassandraClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraClusterIT.class);

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void quorum_writes_and_lwts_survive_a_killed_or_frozen_node(@TempDir Path dir) {
    try (CassandraCluster cluster =
            CassandraCluster.start(CassandraClusterOptions.defaults(), dir);
        CqlSession session = cluster.sessionBuilder().withConfigLoader(quietReconnects()).build()) {
      LOG.info("3-node cluster started in {} ms", cluster.startupTime().toMillis());
      int port = cluster.node(1).contactPoint().getPort();
      assertThat(cluster.contactPoints())
          .containsExactly(
              new InetSocketAddress("127.0.0.1", port),
              new InetSocketAddress("127.0.0.2", port),
              new InetSocketAddress("127.0.0.3", port));
      assertThat(session.getMetadata().getNodes()).hasSize(3);
      session.execute(
          "CREATE KEYSPACE lagline_cluster WITH replication = "
              + KeyspaceReplication.cql(cluster.replication()));
      session.execute(
          "CREATE TABLE lagline_cluster.entity (id text PRIMARY KEY, version bigint, origin text)");
      Writes writes = new Writes(session, cluster);
      writes.succeedThrough(1, 2, 3);

      cluster.node(2).kill();
      writes.succeedThrough(1, 3);

      long restart = System.nanoTime();
      cluster.restart(2);
      LOG.info(
          "killed node restarted and seen up by all in {} ms",
          Duration.ofNanos(System.nanoTime() - restart).toMillis());
      writes.awaitDriverConnectedTo(2);
      assertThat(writes.readAll(2)).isEqualTo(writes.count());

      cluster.node(3).freeze();
      writes.succeedThrough(1, 2);
      cluster.node(3).thaw();
      cluster.awaitAllUp();
      writes.awaitDriverConnectedTo(3);
      writes.succeedThrough(3);
    }
  }

  /** Writes one row at LOCAL_QUORUM and one by LWT (SERIAL) through each named coordinator. */
  private static final class Writes {
    private final CqlSession session;
    private final CassandraCluster cluster;
    private int count;

    Writes(CqlSession session, CassandraCluster cluster) {
      this.session = session;
      this.cluster = cluster;
    }

    void succeedThrough(int... coordinators) {
      for (int number : coordinators) {
        String id = "row-" + ++count;
        run(
            number,
            SimpleStatement.newInstance(
                    "INSERT INTO lagline_cluster.entity (id, version, origin) VALUES (?, 1, ?)",
                    id,
                    "quorum via node " + number)
                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
        String lwtId = "lwt-" + ++count;
        SimpleStatement lwt =
            SimpleStatement.newInstance(
                    "INSERT INTO lagline_cluster.entity (id, version, origin) VALUES (?, 1, ?)"
                        + " IF NOT EXISTS",
                    lwtId,
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

    private ResultSet run(int coordinator, SimpleStatement statement) {
      return session.execute(statement.setNode(node(coordinator)));
    }

    private Node node(int number) {
      CassandraNode wanted = cluster.node(number);
      return session.getMetadata().getNodes().values().stream()
          .filter(n -> wanted.contactPoint().equals(n.getEndPoint().resolve()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the driver does not know " + wanted.address()));
    }
  }

  /** The driver's reconnection attempts to a killed node are expected here, not warnings. */
  private static DriverConfigLoader quietReconnects() {
    return DriverConfigLoader.programmaticBuilder()
        .withBoolean(DefaultDriverOption.CONNECTION_WARN_INIT_ERROR, false)
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(15))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
        .build();
  }
}
