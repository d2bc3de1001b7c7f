package io.lagline.testkit.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.lagline.testkit.cluster.KeyspaceReplication;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded stack with a three-node Cassandra cluster instead of the single node. */
class LocalStackClusterIT {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void a_stack_of_three_nodes_lists_them_all_and_replicates_to_each() {
    try (LocalStack stack =
            LocalStack.start(
                LocalStackOptions.builder().mode(StackMode.EMBEDDED).cassandraNodes(3).build());
        CqlSession session =
            stack
                .cqlSessionBuilder()
                // DDL waits for three nodes to agree on the schema: seconds on two busy cores
                .withConfigLoader(
                    DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build()) {
      int port = stack.cassandraContactPoint().getPort();
      assertThat(stack.cassandraContactPointsString())
          .isEqualTo("127.0.0.1:%d,127.0.0.2:%d,127.0.0.3:%d", port, port, port);
      assertThat(stack.replication())
          .isEqualTo(Map.of("class", "NetworkTopologyStrategy", "datacenter1", "3"));
      assertThat(stack.cassandra()).isSameAs(stack.cassandraCluster().node(1));
      assertThat(stack.cassandraCluster().node(3).systemLog())
          .startsWith(stack.logDir().resolve("cassandra/node3"));

      session.execute(
          "CREATE KEYSPACE lagline_stack WITH replication = "
              + KeyspaceReplication.cql(stack.replication()));
      session.execute("CREATE TABLE lagline_stack.entity (id text PRIMARY KEY)");
      session.execute(
          SimpleStatement.newInstance("INSERT INTO lagline_stack.entity (id) VALUES ('a')")
              .setConsistencyLevel(ConsistencyLevel.ALL));
    }
  }
}
