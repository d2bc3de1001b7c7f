package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraCommandLineTest {
  private static final CassandraLayout LAYOUT =
      new CassandraLayout(Path.of("/tmp/c"), 19042, 17000, 17199);
  private static final Path JAVA = Path.of("/jdk/bin/java");

  @Test
  void runs_the_daemon_in_the_foreground_with_the_generated_config() {
    List<String> cmd = build(CassandraNodeOptions.defaults(), 17);

    assertThat(cmd.get(0)).isEqualTo("/jdk/bin/java");
    assertThat(cmd.subList(cmd.size() - 3, cmd.size()))
        .containsExactly("-cp", "/a.jar:/b.jar", "org.apache.cassandra.service.CassandraDaemon");
    assertThat(cmd)
        .contains(
            "-Dcassandra.config=file:///tmp/c/conf/cassandra.yaml",
            "-Dcassandra-foreground=yes",
            "-Dcassandra.storagedir=/tmp/c",
            "-Dcassandra.logdir=/tmp/c/logs",
            "-Dlogback.configurationFile=file:///tmp/c/conf/logback.xml",
            "-Dcassandra.jmx.local.port=17199",
            "-Djava.net.preferIPv4Stack=true",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0");
  }

  @Test
  void has_the_heap_and_gc_settings_and_extra_flags_come_last_before_the_classpath() {
    CassandraNodeOptions options =
        CassandraNodeOptions.builder()
            .minHeap("256m")
            .maxHeap("2g")
            .gcOptions(List.of("-XX:+UseG1GC"))
            .extraJvmOptions(List.of("-Dextra=1"))
            .build();

    List<String> cmd = build(options, 17);

    assertThat(cmd)
        .contains("-Xms256m", "-Xmx2g", "-Xss256k", "-XX:+UseG1GC")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(cmd.indexOf("-Dextra=1")).isEqualTo(cmd.indexOf("-cp") - 1);
  }

  @Test
  void carries_every_jdk17_module_flag_of_cassandra_once() {
    List<String> cmd = build(CassandraNodeOptions.defaults(), 17);

    assertThat(Collections.indexOfSubList(cmd, CassandraCommandLine.jvm17ServerOptions()))
        .isPositive();
    assertThat(cmd).containsSubsequence("--add-opens", "java.base/java.nio=ALL-UNNAMED");
    assertThat(cmd.stream().filter("java.base/sun.nio.ch=ALL-UNNAMED"::equals)).hasSize(1);
    assertThat(cmd).doesNotContain("-Djava.security.manager=allow");
  }

  @Test
  void allows_the_security_manager_on_jdk_18_and_later() {
    assertThat(build(CassandraNodeOptions.defaults(), 21))
        .contains("-Djava.security.manager=allow");
  }

  @Test
  void a_cluster_node_reads_its_data_center_and_rack_from_its_own_file() {
    CassandraLayout node3 = new CassandraLayout(Path.of("/tmp/c/node3"), "127.0.0.3", 1, 2, 3);
    List<String> cmd =
        CassandraCommandLine.build(
            CassandraNodeOptions.defaults(),
            node3,
            CassandraTopology.clusterNode(List.of("127.0.0.1:2"), "datacenter1"),
            JAVA,
            17,
            "/a.jar",
            null);

    assertThat(cmd)
        .contains(
            "-Dcassandra-rackdc.properties=file:///tmp/c/node3/conf/cassandra-rackdc.properties",
            "-Dcassandra.jmx.local.port=3");
    assertThat(build(CassandraNodeOptions.defaults(), 17))
        .noneMatch(arg -> arg.startsWith("-Dcassandra-rackdc.properties"));
  }

  @Test
  void arms_the_orphan_guard_when_given() {
    List<String> cmd =
        CassandraCommandLine.build(
            CassandraNodeOptions.defaults(), LAYOUT, JAVA, 17, "/a.jar", "-javaagent:/g.jar=42");

    assertThat(cmd).contains("-javaagent:/g.jar=42");
  }

  private static List<String> build(CassandraNodeOptions options, int javaVersion) {
    return CassandraCommandLine.build(options, LAYOUT, JAVA, javaVersion, "/a.jar:/b.jar", null);
  }
}
