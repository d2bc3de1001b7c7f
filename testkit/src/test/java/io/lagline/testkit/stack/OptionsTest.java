package io.lagline.testkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.cassandra.CassandraAuthenticator;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaults_use_a_real_looking_project_and_small_heaps() {
    LocalStackOptions options = LocalStackOptions.defaults();

    assertThat(options.projectId()).isEqualTo("demo-project");
    assertThat(options.mode()).isNull();
    assertThat(options.emulator().maxHeap()).isEqualTo("1g");
    assertThat(options.cassandra().minHeap()).isEqualTo("512m");
    assertThat(options.cassandra().maxHeap()).isEqualTo("1g");
    assertThat(options.cassandra().paxosVariant()).isEqualTo("v2");
  }

  @Test
  void the_stack_project_id_is_the_emulator_project_id() {
    LocalStackOptions options = LocalStackOptions.builder().projectId("lagline-dev").build();

    assertThat(options.emulator().projectId()).isEqualTo("lagline-dev");
  }

  @Test
  void rejects_a_project_id_that_could_not_exist() {
    assertThatThrownBy(() -> LocalStackOptions.builder().projectId("Test_Project").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("projectId 'Test_Project'");
  }

  @Test
  void messages_name_the_option_value_and_rule() {
    assertThatThrownBy(() -> CassandraNodeOptions.builder().maxHeap("lots").build())
        .hasMessage("maxHeap 'lots' must be a JVM heap size such as 512m or 1g");
    assertThatThrownBy(() -> CassandraNodeOptions.builder().paxosVariant("v3").build())
        .hasMessageContaining("paxosVariant must be one of")
        .hasMessageContaining("was v3");
    assertThatThrownBy(() -> PubSubEmulatorOptions.builder().startTimeout(Duration.ZERO).build())
        .hasMessage("startTimeout must be a positive duration, was PT0S");
  }

  @Test
  void a_stack_runs_one_cassandra_node_unless_told_to_run_a_cluster_of_up_to_three() {
    assertThat(LocalStackOptions.defaults().cassandraNodes()).isEqualTo(1);
    assertThat(LocalStackOptions.builder().cassandraNodes(3).build().cassandraNodes()).isEqualTo(3);
    assertThatThrownBy(() -> LocalStackOptions.builder().cassandraNodes(4).build())
        .hasMessage("cassandraNodes must be between 1 and 3, was 4");
    assertThat(LocalStackOptions.defaults().cassandraRemoteNodes()).isZero();
    assertThatThrownBy(
            () -> LocalStackOptions.builder().cassandraNodes(3).cassandraRemoteNodes(3).build())
        .hasMessage("cassandraRemoteNodes must be between 0 and cassandraNodes - 1, was 3");
  }

  @Test
  void to_builder_round_trips() {
    CassandraNodeOptions options =
        CassandraNodeOptions.builder()
            .authenticator(CassandraAuthenticator.PASSWORD)
            .numTokens(8)
            .build();

    assertThat(options.toBuilder().build()).isEqualTo(options);
  }
}
