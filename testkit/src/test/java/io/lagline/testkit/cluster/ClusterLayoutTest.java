package io.lagline.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.FreePorts;
import io.lagline.testkit.cassandra.CassandraLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLayoutTest {
  private static final Path BASE = Path.of("/tmp/stack/cassandra");

  @Test
  void node_i_lives_on_127_0_0_i_under_its_own_directory() {
    List<CassandraLayout> layouts =
        ClusterLayout.layouts(BASE, 3, new int[] {19042, 17000, 17101, 17102, 17103});

    assertThat(layouts)
        .containsExactly(
            new CassandraLayout(BASE.resolve("node1"), "127.0.0.1", 19042, 17000, 17101),
            new CassandraLayout(BASE.resolve("node2"), "127.0.0.2", 19042, 17000, 17102),
            new CassandraLayout(BASE.resolve("node3"), "127.0.0.3", 19042, 17000, 17103));
  }

  @Test
  void every_node_is_a_seed() {
    List<CassandraLayout> layouts = ClusterLayout.layouts(BASE, 2, new int[] {1, 7000, 3, 4});

    assertThat(ClusterLayout.seeds(layouts)).containsExactly("127.0.0.1:7000", "127.0.0.2:7000");
  }

  @Test
  void needs_a_native_a_storage_and_one_jmx_port_per_node() {
    assertThatThrownBy(() -> ClusterLayout.layouts(BASE, 3, new int[] {1, 2, 3}))
        .hasMessage("need 5 ports for 3 nodes, got 3");
  }

  @Test
  void free_ports_are_free_on_every_node_address() {
    List<CassandraLayout> layouts = ClusterLayout.withFreePorts(BASE, 3);

    assertThat(layouts)
        .extracting(CassandraLayout::address)
        .containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
    assertThat(layouts).extracting(CassandraLayout::jmxPort).doesNotHaveDuplicates();
    assertThat(layouts.get(0).jmxPort())
        .isNotIn(layouts.get(0).nativePort(), layouts.get(0).storagePort());
  }

  @Test
  void a_port_picked_on_every_address_is_one_each_of_them_can_bind() {
    int[] ports = FreePorts.pickOnEvery(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), 4);

    assertThat(ports).hasSize(4).doesNotHaveDuplicates().doesNotContain(0);
  }
}
