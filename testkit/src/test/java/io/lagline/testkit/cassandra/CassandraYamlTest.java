package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class CassandraYamlTest {
  private static final CassandraLayout LAYOUT =
      new CassandraLayout(Path.of("/tmp/stack/cassandra"), 19042, 17000, 17199);

  @Test
  void binds_loopback_on_the_layout_ports_and_seeds_itself() {
    Map<String, Object> yaml = render(CassandraNodeOptions.defaults());

    assertThat(yaml)
        .containsEntry("listen_address", "127.0.0.1")
        .containsEntry("rpc_address", "127.0.0.1")
        .containsEntry("native_transport_port", 19042)
        .containsEntry("storage_port", 17000)
        .containsEntry("endpoint_snitch", "SimpleSnitch");
    assertThat(yaml.get("seed_provider").toString())
        .contains("org.apache.cassandra.locator.SimpleSeedProvider")
        .contains("seeds=127.0.0.1:17000");
  }

  @Test
  void a_single_node_bootstraps_as_cassandra_does_by_default() {
    assertThat(render(CassandraNodeOptions.defaults())).doesNotContainKey("auto_bootstrap");
  }

  @Test
  void a_cluster_node_listens_on_its_own_address_and_gossips_with_every_seed() {
    CassandraLayout node2 =
        new CassandraLayout(
            Path.of("/tmp/stack/cassandra/node2"), "127.0.0.2", 19042, 17000, 17202);
    CassandraTopology topology =
        CassandraTopology.clusterNode(
            List.of("127.0.0.1:17000", "127.0.0.2:17000", "127.0.0.3:17000"), "dc1");

    Map<String, Object> yaml =
        new Yaml().load(CassandraYaml.render(CassandraNodeOptions.defaults(), node2, topology));

    assertThat(yaml)
        .containsEntry("listen_address", "127.0.0.2")
        .containsEntry("rpc_address", "127.0.0.2")
        .containsEntry("native_transport_port", 19042)
        .containsEntry("storage_port", 17000)
        .containsEntry("endpoint_snitch", "GossipingPropertyFileSnitch")
        .containsEntry("auto_bootstrap", false)
        .containsEntry("commitlog_directory", "/tmp/stack/cassandra/node2/commitlog");
    assertThat(yaml.get("seed_provider").toString())
        .contains("seeds=127.0.0.1:17000,127.0.0.2:17000,127.0.0.3:17000");
    assertThat(topology.rackDcProperties()).isEqualTo("dc=dc1\nrack=rack1\n");
  }

  @Test
  void a_topology_names_its_seeds_and_simple_snitch_keeps_its_own_data_center() {
    assertThat(CassandraTopology.singleNode(LAYOUT))
        .isEqualTo(
            new CassandraTopology(
                List.of("127.0.0.1:17000"),
                CassandraTopology.Snitch.SIMPLE,
                "datacenter1",
                "rack1",
                true));
    assertThatThrownBy(
            () ->
                new CassandraTopology(
                    List.of("127.0.0.1:7000"), CassandraTopology.Snitch.SIMPLE, "dc1", "r1", true))
        .hasMessage("SimpleSnitch reports data center datacenter1 and rack rack1, was dc1/r1");
    assertThatThrownBy(() -> CassandraTopology.clusterNode(List.of(), "dc1"))
        .hasMessage("seeds must name at least one host:port, was empty");
    assertThatThrownBy(() -> CassandraTopology.clusterNode(List.of("127.0.0.1:7000"), "dc 1"))
        .hasMessage("datacenter 'dc 1' must be 1-48 letters, digits, '_' or '-'");
  }

  @Test
  void a_layout_is_on_a_loopback_address() {
    assertThat(LAYOUT.address()).isEqualTo("127.0.0.1");
    assertThat(LAYOUT.storageEndpoint()).isEqualTo("127.0.0.1:17000");
    assertThatThrownBy(() -> new CassandraLayout(Path.of("/tmp"), "10.0.0.1", 1, 2, 3))
        .hasMessage("address '10.0.0.1' must be a loopback address 127.x.y.z");
  }

  @Test
  void client_encryption_makes_the_native_port_tls_only() {
    TestCertificates certs =
        new TestCertificates(Path.of("/tmp/c/ca.pem"), Path.of("/tmp/c/server.p12"), "pw");
    Map<String, Object> yaml =
        render(CassandraNodeOptions.builder().clientEncryption(certs).build());

    assertThat(yaml.get("client_encryption_options"))
        .isEqualTo(
            Map.of(
                "enabled",
                true,
                "optional",
                false,
                "keystore",
                "/tmp/c/server.p12",
                "keystore_password",
                "pw",
                "store_type",
                "PKCS12",
                "require_client_auth",
                false));
    assertThat(render(CassandraNodeOptions.defaults()))
        .doesNotContainKey("client_encryption_options");
  }

  @Test
  void keeps_every_directory_under_the_base_directory() {
    Map<String, Object> yaml = render(CassandraNodeOptions.defaults());

    assertThat(yaml.get("data_file_directories")).isEqualTo(List.of("/tmp/stack/cassandra/data"));
    assertThat(yaml)
        .containsEntry("commitlog_directory", "/tmp/stack/cassandra/commitlog")
        .containsEntry("saved_caches_directory", "/tmp/stack/cassandra/saved_caches")
        .containsEntry("hints_directory", "/tmp/stack/cassandra/hints")
        .containsEntry("cdc_raw_directory", "/tmp/stack/cassandra/cdc_raw");
  }

  @Test
  void defaults_allow_all_paxos_v2_and_16_tokens() {
    Map<String, Object> yaml = render(CassandraNodeOptions.defaults());

    assertThat(yaml)
        .containsEntry("authenticator", "AllowAllAuthenticator")
        .containsEntry("authorizer", "AllowAllAuthorizer")
        .containsEntry("paxos_variant", "v2")
        .containsEntry("num_tokens", 16)
        .containsEntry("cluster_name", "lagline-test")
        .containsEntry("write_request_timeout", "5000ms")
        .containsEntry("cas_contention_timeout", "3000ms");
  }

  @Test
  void options_change_authentication_paxos_and_timeouts() {
    CassandraNodeOptions options =
        CassandraNodeOptions.builder()
            .authenticator(CassandraAuthenticator.PASSWORD)
            .paxosVariant("v1")
            .numTokens(4)
            .clusterName("it's a cluster")
            .writeTimeout(Duration.ofMillis(1500))
            .casContentionTimeout(Duration.ofSeconds(1))
            .build();

    Map<String, Object> yaml = render(options);

    assertThat(yaml)
        .containsEntry("authenticator", "PasswordAuthenticator")
        .containsEntry("authorizer", "CassandraAuthorizer")
        .containsEntry("paxos_variant", "v1")
        .containsEntry("num_tokens", 4)
        .containsEntry("cluster_name", "it's a cluster")
        .containsEntry("write_request_timeout", "1500ms")
        .containsEntry("cas_contention_timeout", "1000ms");
  }

  @Test
  void periodic_sync_is_the_default_and_group_sync_is_available() {
    assertThat(render(CassandraNodeOptions.defaults()))
        .containsEntry("commitlog_sync", "periodic")
        .containsEntry("commitlog_sync_period", "10000ms")
        .doesNotContainKey("commitlog_sync_group_window");

    Map<String, Object> group =
        render(
            CassandraNodeOptions.builder()
                .commitLogSync(CommitLogSync.GROUP)
                .commitLogSyncWindow(Duration.ofMillis(15))
                .build());
    assertThat(group)
        .containsEntry("commitlog_sync", "group")
        .containsEntry("commitlog_sync_group_window", "15ms")
        .doesNotContainKey("commitlog_sync_period");

    assertThat(render(CassandraNodeOptions.builder().commitLogSync(CommitLogSync.BATCH).build()))
        .containsEntry("commitlog_sync", "batch")
        .doesNotContainKeys("commitlog_sync_period", "commitlog_sync_group_window");
  }

  @Test
  void paths_with_quotes_stay_valid_yaml() {
    CassandraLayout odd = new CassandraLayout(Path.of("/tmp/o'brien dir"), 1, 2, 3);

    Map<String, Object> yaml =
        new Yaml().load(CassandraYaml.render(CassandraNodeOptions.defaults(), odd));

    assertThat(yaml).containsEntry("commitlog_directory", "/tmp/o'brien dir/commitlog");
  }

  private static Map<String, Object> render(CassandraNodeOptions options) {
    return new Yaml().load(CassandraYaml.render(options, LAYOUT));
  }
}
