package io.lagline.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyspaceReplicationTest {

  static Stream<Arguments> nodes() {
    return Stream.of(
        Arguments.of(1, "{'class': 'SimpleStrategy', 'replication_factor': '1'}"),
        Arguments.of(2, "{'class': 'NetworkTopologyStrategy', 'datacenter1': '2'}"),
        Arguments.of(3, "{'class': 'NetworkTopologyStrategy', 'datacenter1': '3'}"),
        Arguments.of(5, "{'class': 'NetworkTopologyStrategy', 'datacenter1': '3'}"));
  }

  @ParameterizedTest
  @MethodSource("nodes")
  void one_replica_per_node_up_to_three(int nodes, String cql) {
    assertThat(KeyspaceReplication.cql(KeyspaceReplication.forNodes(nodes, "datacenter1")))
        .isEqualTo(cql);
  }

  @Test
  void names_the_class_first_for_the_schema_replication_setting() {
    assertThat(KeyspaceReplication.forNodes(3, "dc1"))
        .containsExactly(Map.entry("class", "NetworkTopologyStrategy"), Map.entry("dc1", "3"));
  }

  @Test
  void a_cluster_has_one_to_three_nodes() {
    assertThat(CassandraClusterOptions.defaults().nodes()).isEqualTo(3);
    assertThatThrownBy(() -> CassandraClusterOptions.builder().nodes(4).build())
        .hasMessage("nodes must be between 1 and 3, was 4");
  }

  @Test
  void two_data_centers_get_a_replica_per_node_in_each() {
    assertThat(
            KeyspaceReplication.cql(
                KeyspaceReplication.forDatacenters(2, "datacenter1", 1, "datacenter2")))
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'datacenter1': '2', 'datacenter2': '1'}");
    assertThatThrownBy(() -> KeyspaceReplication.forDatacenters(2, "dc", 1, "dc"))
        .hasMessage("the two data centers must differ, both were dc");
  }

  @Test
  void the_last_remote_nodes_run_in_the_second_data_center() {
    CassandraClusterOptions options = CassandraClusterOptions.builder().remoteNodes(1).build();

    assertThat(options.datacenterOf(1)).isEqualTo("datacenter1");
    assertThat(options.datacenterOf(2)).isEqualTo("datacenter1");
    assertThat(options.datacenterOf(3)).isEqualTo(CassandraClusterOptions.REMOTE_DATACENTER);
    assertThat(CassandraClusterOptions.defaults().datacenterOf(3)).isEqualTo("datacenter1");
    assertThatThrownBy(() -> CassandraClusterOptions.builder().remoteNodes(3).build())
        .hasMessage("remoteNodes must be between 0 and nodes - 1 (2), was 3");
  }
}
