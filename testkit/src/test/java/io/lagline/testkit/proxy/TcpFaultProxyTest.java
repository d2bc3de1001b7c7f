package io.lagline.testkit.proxy;

import static io.lagline.testkit.proxy.EchoClient.connect;
import static io.lagline.testkit.proxy.EchoClient.echoesOnNewConnection;
import static io.lagline.testkit.proxy.EchoClient.isBroken;
import static io.lagline.testkit.proxy.EchoClient.ping;
import static io.lagline.testkit.proxy.EchoClient.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpFaultProxyTest {
  private static final int MB = 1024 * 1024;

  private EchoServer echo;
  private TcpFaultProxy proxy;

  @BeforeEach
  void start() throws Exception {
    echo = EchoServer.start();
    proxy = TcpFaultProxy.start("test", echo.address());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    echo.close();
  }

  @Test
  void forwards_a_large_random_payload_byte_for_byte_and_propagates_the_end_of_stream()
      throws Exception {
    byte[] payload = randomBytes(8 * MB, 1);

    try (Socket socket = connect(proxy.port())) {
      byte[] received = roundTrip(socket, payload);

      assertThat(received).hasSameSizeAs(payload);
      assertThat(Arrays.mismatch(received, payload)).as("first differing byte").isEqualTo(-1);
    }
  }

  @Test
  void keeps_concurrent_connections_apart() throws Exception {
    int connections = 8;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try {
      List<byte[]> payloads = new ArrayList<>();
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        byte[] payload = randomBytes(MB, i);
        payloads.add(payload);
        results.add(
            clients.submit(
                () -> {
                  try (Socket socket = connect(proxy.port())) {
                    return roundTrip(socket, payload);
                  }
                }));
      }
      for (int i = 0; i < connections; i++) {
        assertThat(Arrays.mismatch(results.get(i).get(), payloads.get(i))).isEqualTo(-1);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(proxy.stats().connectionsAccepted()).isEqualTo(connections);
  }

  @Test
  void latency_delays_each_direction_without_limiting_throughput() throws Exception {
    proxy.setLatency(Duration.ofMillis(100));
    assertThat(proxy.latency()).isEqualTo(Duration.ofMillis(100));

    try (Socket socket = connect(proxy.port())) {
      long pingStart = System.nanoTime();
      ping(socket);
      assertThat(elapsedSince(pingStart)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

      // 4 MB arrive in 64 KB reads or smaller: sleeping 100 ms per chunk would take 6.4 s or more.
      byte[] payload = randomBytes(4 * MB, 2);
      long streamStart = System.nanoTime();
      byte[] received = roundTrip(socket, payload);
      Duration streaming = elapsedSince(streamStart);

      assertThat(Arrays.mismatch(received, payload)).isEqualTo(-1);
      assertThat(streaming).isBetween(Duration.ofMillis(200), Duration.ofMillis(2_500));
    }
  }

  @Test
  void latency_back_to_zero_applies_to_new_chunks() throws Exception {
    proxy.setLatency(Duration.ofMillis(300));
    proxy.setLatency(Duration.ZERO);

    try (Socket socket = connect(proxy.port())) {
      long start = System.nanoTime();
      ping(socket);
      assertThat(elapsedSince(start)).isLessThan(Duration.ofMillis(300));
    }
  }

  @Test
  void rejects_a_negative_latency() {
    assertThatThrownBy(() -> proxy.setLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.001S");
  }

  @Test
  void reset_all_breaks_open_connections_on_both_sides_and_new_ones_work() throws Exception {
    try (Socket first = connect(proxy.port());
        Socket second = connect(proxy.port())) {
      ping(first);
      ping(second);
      assertThat(proxy.stats().openConnections()).isEqualTo(2);

      proxy.resetAll();

      assertThat(isBroken(first)).isTrue();
      assertThat(isBroken(second)).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> echo.openConnections() == 0);
      assertThat(proxy.stats().connectionsReset()).isEqualTo(2);
      assertThat(proxy.stats().openConnections()).isZero();
    }
    assertThat(echoesOnNewConnection(proxy.port())).isTrue();
  }

  @Test
  void refusing_resets_new_connections_but_keeps_open_ones_until_it_stops() throws Exception {
    try (Socket open = connect(proxy.port())) {
      ping(open);

      proxy.refuse(true);
      assertThat(proxy.isRefusing()).isTrue();
      try (Socket refused = connect(proxy.port())) {
        assertThat(isBroken(refused)).isTrue();
      }
      ping(open);

      proxy.refuse(false);
      assertThat(echoesOnNewConnection(proxy.port())).isTrue();
    }
    assertThat(proxy.stats().connectionsRefused()).isEqualTo(1);
    assertThat(proxy.stats().connectionsAccepted()).isEqualTo(3);
  }

  @Test
  void an_outage_breaks_everything_then_ends_by_itself() throws Exception {
    try (Socket open = connect(proxy.port())) {
      ping(open);

      long start = System.nanoTime();
      proxy.outage(Duration.ofMillis(300));

      assertThat(isBroken(open)).isTrue();
      assertThat(echoesOnNewConnection(proxy.port())).isFalse();
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> echoesOnNewConnection(proxy.port()));
      assertThat(elapsedSince(start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(proxy.isRefusing()).isFalse();
    }
  }

  @Test
  void refuse_cancels_the_end_of_a_running_outage() throws Exception {
    proxy.outage(Duration.ofMillis(50));
    proxy.refuse(true); // the test now decides when refusing stops

    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(proxy::isRefusing);
    assertThat(echoesOnNewConnection(proxy.port())).isFalse();
  }

  @Test
  void a_client_is_reset_when_the_upstream_is_unreachable() throws Exception {
    InetSocketAddress nobody;
    try (ServerSocket closedSoon = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      nobody = (InetSocketAddress) closedSoon.getLocalSocketAddress();
    }
    try (TcpFaultProxy dangling = TcpFaultProxy.start("dangling", nobody);
        Socket socket = connect(dangling.port())) {
      assertThat(isBroken(socket)).isTrue();
    }
  }

  @Test
  void counts_connections_and_bytes_and_leaves_nothing_behind_when_closed() throws Exception {
    byte[] payload = randomBytes(100_000, 3);
    try (Socket one = connect(proxy.port());
        Socket two = connect(proxy.port())) {
      roundTrip(one, payload);
      roundTrip(two, payload);
    }
    ProxyStats stats = proxy.stats();
    assertThat(stats.connectionsAccepted()).isEqualTo(2);
    assertThat(stats.bytesUpstream()).isEqualTo(2L * payload.length);
    assertThat(stats.bytesDownstream()).isEqualTo(2L * payload.length);
    assertThat(proxy.hostPort()).isEqualTo("127.0.0.1:" + proxy.port());

    Socket stillOpen = connect(proxy.port());
    ping(stillOpen);
    proxy.close();

    assertThat(isBroken(stillOpen)).isTrue();
    stillOpen.close();
    assertThatThrownBy(() -> connect(proxy.port())).isInstanceOf(ConnectException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> proxyThreads("test").isEmpty());
  }

  private static List<String> proxyThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(threadName -> threadName.startsWith("proxy-" + name + "-"))
        .toList();
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
