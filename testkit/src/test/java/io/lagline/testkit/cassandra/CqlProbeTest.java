package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlProbeTest {
  private static final List<InetSocketAddress> CONTACT_POINTS =
      List.of(new InetSocketAddress("127.0.0.2", 9042));

  @Test
  void a_probe_talks_to_its_contact_points_only() {
    assertThat(CqlProbe.isOneOf(new InetSocketAddress("127.0.0.2", 9042), CONTACT_POINTS)).isTrue();
    assertThat(CqlProbe.isOneOf(new InetSocketAddress("127.0.0.1", 9042), CONTACT_POINTS))
        .isFalse();
    assertThat(CqlProbe.isOneOf(new InetSocketAddress("127.0.0.2", 9043), CONTACT_POINTS))
        .isFalse();
  }

  @Test
  void an_unresolved_contact_point_matches_by_name() {
    List<InetSocketAddress> byName = List.of(InetSocketAddress.createUnresolved("db.test", 9042));

    assertThat(CqlProbe.isOneOf(InetSocketAddress.createUnresolved("db.test", 9042), byName))
        .isTrue();
    assertThat(CqlProbe.isOneOf(new InetSocketAddress("127.0.0.1", 9042), byName)).isFalse();
  }
}
