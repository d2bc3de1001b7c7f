package io.lagline.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.lagline.testkit.pubsub.PubSubRoundTrip;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import io.lagline.testkit.stack.StackMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Cassandra driver and the Pub/Sub gRPC clients through a {@link TcpFaultProxy}. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(KeepLogsOnFailure.class)
class TcpFaultProxyIT {
  private static LocalStack stack;
  private static TcpFaultProxy cassandraProxy;
  private static TcpFaultProxy pubsubProxy;
  private static CqlSession session;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackOptions.builder().mode(StackMode.EMBEDDED).build());
    cassandraProxy = TcpFaultProxy.start("cassandra", stack.cassandraContactPoint());
    pubsubProxy = TcpFaultProxy.start("pubsub", parseHostPort(stack.pubsubEmulatorHost()));
    DriverConfigLoader config =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(1))
            .build();
    session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress("127.0.0.1", cassandraProxy.port()))
            .withLocalDatacenter(stack.localDatacenter())
            .withConfigLoader(config)
            .build();
    session.execute(
        "CREATE KEYSPACE IF NOT EXISTS lagline_proxy"
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute(
        "CREATE TABLE IF NOT EXISTS lagline_proxy.entity (id text PRIMARY KEY, version bigint)");
  }

  @AfterAll
  static void stopStack() {
    if (session != null) {
      session.close();
    }
    if (cassandraProxy != null) {
      cassandraProxy.close();
    }
    if (pubsubProxy != null) {
      pubsubProxy.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void healthyLink() {
    cassandraProxy.setLatency(Duration.ZERO);
    cassandraProxy.refuse(false);
    pubsubProxy.setLatency(Duration.ZERO);
    pubsubProxy.refuse(false);
  }

  @Test
  void every_driver_connection_goes_through_the_proxy_and_feels_its_latency() throws Exception {
    for (Node node : session.getMetadata().getNodes().values()) {
      assertThat(node.getEndPoint().resolve())
          .isEqualTo(new InetSocketAddress("127.0.0.1", cassandraProxy.port()));
    }
    assertThat(cassandraProxy.stats().openConnections()).isGreaterThanOrEqualTo(2);

    cassandraProxy.setLatency(Duration.ofMillis(5));
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      session.execute("SELECT release_version FROM system.local");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50 * 10));

    // 256 in flight (a connection takes at most 1024): the link adds latency, not a throughput cap
    PreparedStatement insert =
        session.prepare("INSERT INTO lagline_proxy.entity (id, version) VALUES (?, ?)");
    Semaphore inFlight = new Semaphore(256);
    List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      inFlight.acquire();
      writes.add(
          session
              .executeAsync(insert.bind("e-" + i, (long) i))
              .whenComplete((result, error) -> inFlight.release())
              .toCompletableFuture());
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(
            session.execute("SELECT version FROM lagline_proxy.entity WHERE id = 'e-4999'").one())
        .isNotNull();
  }

  @Test
  void the_driver_reconnects_after_a_reset_and_after_an_outage() {
    cassandraProxy.resetAll();
    awaitQueryWorks();

    cassandraProxy.outage(Duration.ofSeconds(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> !queryWorks());
    awaitQueryWorks();
    assertThat(cassandraProxy.stats().connectionsRefused()).isPositive();
  }

  @Test
  void pubsub_grpc_works_through_the_proxy_with_latency_and_after_a_reset() throws Exception {
    pubsubProxy.setLatency(Duration.ofMillis(40));
    try (PubSubTestResources pubsub =
        PubSubTestResources.connect(pubsubProxy.hostPort(), stack.projectId())) {
      PubSubRoundTrip.publishAndPullOne(pubsub, "proxy-events", "proxy-events-sub");

      pubsubProxy.resetAll();

      PubSubRoundTrip.publishAndPullOne(pubsub, "proxy-events-2", "proxy-events-2-sub");
    }
    assertThat(pubsubProxy.stats().bytesDownstream()).isPositive();
  }

  private static void awaitQueryWorks() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(TcpFaultProxyIT::queryWorks);
  }

  private static boolean queryWorks() {
    try {
      return session.execute("SELECT release_version FROM system.local").one() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static InetSocketAddress parseHostPort(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
