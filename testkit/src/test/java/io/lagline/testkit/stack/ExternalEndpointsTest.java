package io.lagline.testkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalEndpointsTest {

  @Test
  void reads_both_services_and_defaults_the_data_center() {
    Environment env =
        Environment.of(
            Map.of(
                "PUBSUB_EMULATOR_HOST",
                "127.0.0.1:8085",
                "CASSANDRA_CONTACT_POINTS",
                "127.0.0.1:9043"));

    ExternalEndpoints endpoints = ExternalEndpoints.from(env).orElseThrow();

    assertThat(endpoints.pubsubEmulatorHost()).isEqualTo("127.0.0.1:8085");
    assertThat(endpoints.cassandraContactPoints())
        .containsExactly(new InetSocketAddress("127.0.0.1", 9043));
    assertThat(endpoints.localDatacenter()).isEqualTo("datacenter1");
  }

  @Test
  void is_absent_unless_both_variables_are_set() {
    assertThat(ExternalEndpoints.from(Environment.of(Map.of("PUBSUB_EMULATOR_HOST", "h:1"))))
        .isEmpty();
    assertThat(ExternalEndpoints.from(Environment.of(Map.of("CASSANDRA_CONTACT_POINTS", "h:1"))))
        .isEmpty();
  }

  @Test
  void parses_several_contact_points_default_ports_and_ipv6() {
    List<InetSocketAddress> points =
        ExternalEndpoints.parseContactPoints(" 127.0.0.1:9042, localhost ,[::1]:9044");

    assertThat(points)
        .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
        .containsExactly(
            Tuple.tuple("127.0.0.1", 9042),
            Tuple.tuple("localhost", 9042),
            Tuple.tuple("0:0:0:0:0:0:0:1", 9044));
    assertThat(ExternalEndpoints.format(points))
        .isEqualTo("127.0.0.1:9042,localhost:9042,[0:0:0:0:0:0:0:1]:9044");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " , ", "host:notaport", "host:0", "host:70000", "[::1", ":9042"})
  void rejects_malformed_contact_points_naming_the_variable(String value) {
    assertThatThrownBy(() -> ExternalEndpoints.parseContactPoints(value))
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("CASSANDRA_CONTACT_POINTS=" + value)
        .hasMessageContaining("host:port");
  }

  @Test
  void rejects_an_emulator_host_without_a_port() {
    Environment env =
        Environment.of(
            Map.of("PUBSUB_EMULATOR_HOST", "localhost", "CASSANDRA_CONTACT_POINTS", "127.0.0.1"));

    assertThatThrownBy(() -> ExternalEndpoints.from(env))
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("PUBSUB_EMULATOR_HOST=localhost must be host:port");
  }
}
