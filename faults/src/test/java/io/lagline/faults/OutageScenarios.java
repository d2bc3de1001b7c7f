package io.lagline.faults;

import io.lagline.metrics.PrometheusText;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.proxy.ProxyStats;
import io.lagline.testkit.proxy.TcpFaultProxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's outages of Cassandra that refuse connections: the node stopped (c), and a slow link
 * through a fault proxy that resets every connection and refuses new ones for a while (d).
 */
final class OutageScenarios {
  private static final Logger LOG = LoggerFactory.getLogger(OutageScenarios.class);
  private static final Duration CASSANDRA_OUTAGE = Duration.ofSeconds(20);

  /** How long a stopped or frozen Cassandra node may take to serve the reconciler again. */
  static final Duration READY_AGAIN = Duration.ofMinutes(2);

  private static final Duration LINK_LATENCY = Duration.ofMillis(200);
  private static final Duration LINK_OUTAGE = Duration.ofSeconds(5);

  /**
   * Far less than the LWT traffic of the 2,000 events written before the outage (about 450 KB once
   * the version cache answers the redelivered copies without a round trip), far more than a control
   * connection (heartbeats and the outage probe: a few KB).
   */
  private static final long MIN_PROXIED_BYTES = 200_000;

  private OutageScenarios() {}

  /** c: the node stopped for 20 s at 30%; the reconciler must pause, turn unready and resume. */
  static void cassandraDown(FaultStack faults, Scenario scenario) throws Exception {
    ReconcilerProcess reconciler = scenario.startReconciler(1);
    CompletableFuture<Integer> publishing = scenario.publishAsync();
    scenario.awaitProgress(0.30);

    CassandraNode node = faults.stack().cassandra();
    long stopped = System.nanoTime();
    node.stop();
    OutagePause pause = OutagePause.observe(reconciler, stopped, CASSANDRA_OUTAGE);
    // the fault lasts CASSANDRA_OUTAGE: the node comes back then, and the test waits for that
    CompletableFuture.runAsync(
            node::start,
            CompletableFuture.delayedExecutor(
                Checks.remaining(stopped, CASSANDRA_OUTAGE).toMillis(), TimeUnit.MILLISECONDS))
        .get(CASSANDRA_OUTAGE.toMillis() + READY_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
    long down = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
    faults.reopenReader();
    boolean readyAgain = Checks.within(READY_AGAIN, () -> reconciler.readyStatus() == 200);
    LOG.info("c: Cassandra down {} s; {}, ready again: {}", down, pause, readyAgain);
    Scenario.awaitPublished(publishing);

    ScenarioResult result = scenario.finish("Cassandra stopped " + down + " s");
    SoftAssertions soft = Checks.guarantees(result);
    pause.check(soft, "down", readyAgain, reconciler);
    soft.assertAll();
  }

  /**
   * d: the reconciler reaches Cassandra through a proxy adding 200 ms each way; at 40% every
   * connection is reset and new ones refused for 5 s.
   */
  static void slowLink(FaultStack faults, Scenario scenario) throws Exception {
    try (TcpFaultProxy link =
        TcpFaultProxy.start("cassandra", faults.stack().cassandraContactPoint())) {
      link.setLatency(LINK_LATENCY);
      ReconcilerProcess reconciler =
          scenario.startReconciler(1, Map.of("LAGLINE_CASSANDRA_CONTACT_POINTS", link.hostPort()));
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.40);
      ProxyStats before = link.stats();
      double limitBefore = writeLimit(reconciler);
      link.outage(LINK_OUTAGE);
      boolean refusedDuringOutage =
          Checks.within(LINK_OUTAGE, () -> link.stats().connectionsRefused() > 0);
      Scenario.awaitPublished(publishing);

      ScenarioResult result =
          scenario.finish(
              LINK_LATENCY.toMillis()
                  + " ms one-way latency; at 40% connections reset, refused "
                  + LINK_OUTAGE.toSeconds()
                  + " s");
      ProxyStats after = link.stats();
      double limitAfter = writeLimit(reconciler);
      LOG.info("d: proxy before the outage {}, at the end {}", before, after);
      LOG.info(
          "d: write concurrency limit {} before the outage, {} at the end",
          limitBefore,
          limitAfter);
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(before.bytesUpstream())
          .as("the reconciler's Cassandra traffic went through the proxy (bytes upstream)")
          .isGreaterThan(MIN_PROXIED_BYTES);
      soft.assertThat(after.bytesUpstream())
          .as("and kept going through it after the outage")
          .isGreaterThan(before.bytesUpstream() + MIN_PROXIED_BYTES);
      soft.assertThat(after.connectionsReset()).as("connections reset").isPositive();
      soft.assertThat(refusedDuringOutage).as("reconnects refused during the outage").isTrue();
      // refused writes fail at once; were they latency samples, the gradient would take the link's
      // normal latency afterwards for overload and cut the limit to its floor (16) for minutes
      soft.assertThat(limitAfter)
          .as("the adaptive write limit after the outage, against %s before it", limitBefore)
          .isGreaterThan(limitBefore / 2);
      soft.assertAll();
    }
  }

  private static double writeLimit(ReconcilerProcess reconciler) {
    return PrometheusText.parse(reconciler.metrics())
        .sum("lagline_reconciler_write_concurrency_limit");
  }
}
