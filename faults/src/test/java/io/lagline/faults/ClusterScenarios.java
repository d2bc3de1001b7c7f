package io.lagline.faults;

import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.cluster.NodeProxies;
import io.lagline.testkit.proxy.ProxyStats;
import io.lagline.testkit.proxy.TcpFaultProxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of a three-node cluster at replication factor 3, written at {@code LOCAL_QUORUM} with
 * {@code LOCAL_SERIAL} Paxos (the reconciler's defaults): one replica lost must not even slow the
 * stream into a pause, two lost must pause it like an outage, and a frozen replica turns some
 * conditional writes ambiguous, which the re-issue must resolve.
 */
final class ClusterScenarios {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterScenarios.class);

  /** How long a killed node stays down before it is started again (m). */
  static final Duration NODE_DOWN = Duration.ofSeconds(30);

  /** How long a node stays frozen (n). */
  static final Duration NODE_FROZEN = Duration.ofSeconds(30);

  /** How long the link to one node stays dark (p). */
  static final Duration LINK_DARK = Duration.ofSeconds(20);

  /** Far less than a share of the LWT traffic of the workload, far more than a control link. */
  private static final long MIN_PROXIED_BYTES = 50_000;

  /** How long two nodes of three stay down (o). */
  static final Duration TWO_DOWN = Duration.ofSeconds(20);

  private ClusterScenarios() {}

  /**
   * m: node 1 (the first contact point, which holds the driver's control connection) killed with
   * SIGKILL at 30% and started again 30 s later: two replicas of three still make a quorum, so the
   * reconciler must keep writing without pausing or turning unready.
   */
  static void nodeKilled(FaultStack faults, Scenario scenario) throws Exception {
    CassandraCluster cluster = faults.stack().cassandraCluster();
    Scenario.Running running = scenario.startAndAwait(0.30);
    ReconcilerProcess reconciler = running.reconciler();

    CassandraNode node = cluster.node(1);
    long rows = scenario.historyRows();
    long killed = System.nanoTime();
    node.kill();
    NoPause ride = NoPause.watch(reconciler, scenario, rows, NODE_DOWN);
    long down = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
    node.start();
    cluster.awaitAllUp();
    LOG.info("m: node 1 down {} s; {}", down, ride);
    Scenario.awaitPublished(running.publishing());

    ScenarioResult result =
        scenario.finish("node 1 SIGKILL'd at 30%, down " + down + " s, restarted");
    SoftAssertions soft = Checks.guarantees(result);
    ride.check(soft, "node 1 was down");
    soft.assertThat(reconciler.isAlive()).as("the reconciler rode out node 1 down").isTrue();
    soft.assertAll();
  }

  /**
   * n: node 2 frozen with SIGSTOP for 30 s at 30%, then SIGCONT: requests it coordinates hang and
   * time out on the client, with whatever Paxos round they started half done; the re-issued write
   * must learn each one's fate. The reconciler must not stop or dead-letter anything.
   */
  static void nodeFrozen(FaultStack faults, Scenario scenario) throws Exception {
    CassandraCluster cluster = faults.stack().cassandraCluster();
    Scenario.Running running = scenario.startAndAwait(0.30);
    ReconcilerProcess reconciler = running.reconciler();

    CassandraNode node = cluster.node(2);
    long before = scenario.historyRows();
    long frozen = System.nanoTime();
    node.freeze();
    CompletableFuture<Void> thawed =
        CompletableFuture.runAsync(
            node::thaw,
            CompletableFuture.delayedExecutor(NODE_FROZEN.toMillis(), TimeUnit.MILLISECONDS));
    thawed.get(NODE_FROZEN.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    long stopped = Duration.ofNanos(System.nanoTime() - frozen).toSeconds();
    long during = scenario.historyRowsWhenReadable() - before;
    cluster.awaitAllUp();
    LOG.info("n: node 2 frozen {} s; {} history rows written meanwhile", stopped, during);
    Scenario.awaitPublished(running.publishing());

    ScenarioResult result = scenario.finish("node 2 SIGSTOP'd " + stopped + " s at 30%");
    SoftAssertions soft = Checks.guarantees(result);
    soft.assertThat(during).as("history rows written while node 2 was frozen").isPositive();
    soft.assertThat(reconciler.isAlive()).as("the reconciler rode out node 2 frozen").isTrue();
    soft.assertAll();
  }

  /**
   * o: nodes 2 and 3 killed with SIGKILL at 30% and started again 20 s later: no quorum, so every
   * write is unavailable; the reconciler must pause, turn unready, dead-letter nothing, and resume
   * once they are back.
   */
  static void twoDown(FaultStack faults, Scenario scenario) throws Exception {
    CassandraCluster cluster = faults.stack().cassandraCluster();
    Scenario.Running running = scenario.startAndAwait(0.30);
    ReconcilerProcess reconciler = running.reconciler();

    long killed = System.nanoTime();
    cluster.node(2).kill();
    cluster.node(3).kill();
    OutagePause pause = OutagePause.observe(reconciler, killed, TWO_DOWN);
    CompletableFuture.runAsync(
            () -> {
              CompletableFuture<Void> second = CompletableFuture.runAsync(cluster.node(3)::start);
              cluster.node(2).start();
              second.join();
            },
            CompletableFuture.delayedExecutor(
                Checks.remaining(killed, TWO_DOWN).toMillis(), TimeUnit.MILLISECONDS))
        .get(TWO_DOWN.plus(OutageScenarios.READY_AGAIN).toMillis(), TimeUnit.MILLISECONDS);
    long down = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
    cluster.awaitAllUp();
    boolean readyAgain =
        Checks.within(OutageScenarios.READY_AGAIN, () -> reconciler.readyStatus() == 200);
    LOG.info("o: nodes 2 and 3 down {} s; {}, ready again: {}", down, pause, readyAgain);
    Scenario.awaitPublished(running.publishing());

    ScenarioResult result =
        scenario.finish("nodes 2 and 3 SIGKILL'd at 30%, down " + down + " s, restarted");
    SoftAssertions soft = Checks.guarantees(result);
    pause.check(soft, "without a quorum", readyAgain, reconciler);
    soft.assertAll();
  }

  /**
   * p: the reconciler reaches each node through its own proxy; at 30% the link to node 1 (its first
   * contact point, which holds the control connection) goes dark for 20 s: what is on it hangs, new
   * connections are refused; then the stalled connections are reset and the link comes back. Nodes
   * 1 to 3 keep talking to each other all along, so node 1 stays a live replica the reconciler
   * cannot reach: its requests through node 1 time out with their fate unknown and go to the
   * others.
   */
  static void coordinatorCut(FaultStack faults, Scenario scenario) throws Exception {
    CassandraCluster cluster = faults.stack().cassandraCluster();
    try (NodeProxies proxies = NodeProxies.start(cluster)) {
      ReconcilerProcess reconciler =
          scenario.startReconciler(
              1,
              Map.of(
                  "LAGLINE_CASSANDRA_CONTACT_POINTS",
                  proxies.contactPoints().stream()
                      .map(a -> a.getHostString() + ":" + a.getPort())
                      .collect(Collectors.joining(","))),
              new ReconcilerProcess.Launch(
                  proxies.driverSystemProperties(), NodeProxies.translatorClasspath()));
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.30);

      TcpFaultProxy link = proxies.proxy(1);
      ProxyStats before = link.stats();
      long othersBefore = upstreamBytes(proxies, 2) + upstreamBytes(proxies, 3);
      long rows = scenario.historyRows();
      link.setLatency(LINK_DARK.multipliedBy(3));
      link.refuse(true);
      long cut = System.nanoTime();
      NoPause ride = NoPause.watch(reconciler, scenario, rows, LINK_DARK);
      link.resetAll();
      link.setLatency(Duration.ZERO);
      link.refuse(false);
      long dark = Duration.ofNanos(System.nanoTime() - cut).toSeconds();
      ProxyStats during = link.stats();
      long othersDuring = upstreamBytes(proxies, 2) + upstreamBytes(proxies, 3) - othersBefore;
      LOG.info(
          "p: link to node 1 dark {} s; {}; before {}, after the cut {}",
          dark,
          ride,
          before,
          during);
      Scenario.awaitPublished(publishing);

      ScenarioResult result =
          scenario.finish(
              "link to node 1 dark " + dark + " s at 30% (stalled, then reset), nodes up");
      ProxyStats after = link.stats();
      SoftAssertions soft = Checks.guarantees(result);
      ride.check(soft, "the link to node 1 was dark");
      soft.assertThat(before.bytesUpstream())
          .as("the reconciler wrote through node 1's proxy before the cut")
          .isGreaterThan(MIN_PROXIED_BYTES);
      soft.assertThat(othersDuring)
          .as("bytes to nodes 2 and 3 while node 1 was cut off")
          .isGreaterThan(MIN_PROXIED_BYTES);
      soft.assertThat(after.bytesUpstream())
          .as("and through node 1's proxy again once the link came back")
          .isGreaterThan(during.bytesUpstream());
      soft.assertThat(reconciler.isAlive()).as("the reconciler rode out the cut").isTrue();
      soft.assertAll();
    }
  }

  private static long upstreamBytes(NodeProxies proxies, int node) {
    return proxies.proxy(node).stats().bytesUpstream();
  }

  /**
   * q: two data centers, nodes 1 and 2 in the reconciler's and node 3 in a remote one (a replica in
   * each node); at 30% node 3 is frozen for 30 s, as a data center cut off by a partition would be:
   * {@code LOCAL_SERIAL} rounds and {@code LOCAL_QUORUM} commits need only the local data center,
   * so the reconciler must keep writing without pausing, and the remote replica catch up later.
   */
  static void remoteDatacenterFrozen(FaultStack faults, Scenario scenario) throws Exception {
    CassandraCluster cluster = faults.stack().cassandraCluster();
    Scenario.Running running = scenario.startAndAwait(0.30);
    ReconcilerProcess reconciler = running.reconciler();

    CassandraNode remote = cluster.node(3);
    long rows = scenario.historyRows();
    long frozen = System.nanoTime();
    remote.freeze();
    NoPause ride;
    try {
      ride = NoPause.watch(reconciler, scenario, rows, NODE_FROZEN);
    } finally {
      remote.thaw();
    }
    long stopped = Duration.ofNanos(System.nanoTime() - frozen).toSeconds();
    cluster.awaitAllUp();
    LOG.info("q: the remote data center (node 3) frozen {} s; {}", stopped, ride);
    Scenario.awaitPublished(running.publishing());

    ScenarioResult result =
        scenario.finish("remote data center (node 3 of 2+1) SIGSTOP'd " + stopped + " s at 30%");
    SoftAssertions soft = Checks.guarantees(result);
    ride.check(soft, "the remote data center was frozen");
    soft.assertThat(reconciler.isAlive()).as("the reconciler rode out the remote freeze").isTrue();
    soft.assertAll();
  }
}
