package io.lagline.faults;

import io.lagline.reconciler.config.ShutdownConfig;
import io.lagline.testkit.CassandraNode;
import io.lagline.testkit.KeepLogsOnFailure;
import io.lagline.testkit.LocalStack;
import io.lagline.testkit.PrometheusText;
import io.lagline.testkit.proxy.ProxyStats;
import io.lagline.testkit.proxy.TcpFaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault-injection suite: the standard workload (5,000 distinct events over 500 devices, each
 * published one to three times, shuffled, with 1% poison) through reconciler processes while
 * something breaks, then the four guarantees checked: nothing lost, nothing applied twice, no good
 * event dead-lettered, every poison message dead-lettered with its reason. One local stack for all
 * scenarios; each scenario has its own topic, subscriptions and keyspace. The last one stops a
 * reconciler like a Kubernetes pod (SIGTERM): it must drain and exit 0 within its drain timeout.
 * Prints one table row per scenario and the table at the end (also in {@code
 * target/fault-table.md}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(KeepLogsOnFailure.class)
class FaultSuiteIT {
  private static final Logger LOG = LoggerFactory.getLogger(FaultSuiteIT.class);
  private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CASSANDRA_OUTAGE = Duration.ofSeconds(20);

  /** How long a stopped Cassandra node may take to start again. */
  private static final Duration READY_AGAIN = Duration.ofMinutes(2);

  private static final Duration LINK_LATENCY = Duration.ofMillis(200);
  private static final Duration LINK_OUTAGE = Duration.ofSeconds(5);

  /** How long a SIGTERM'd reconciler may take to drain (g), and what exiting may add to it. */
  private static final Duration DRAIN = ShutdownConfig.DEFAULT_DRAIN_TIMEOUT;

  private static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);

  /** Far less than a quarter of the LWT traffic of 5,000 events, far more than a control link. */
  private static final long MIN_PROXIED_BYTES = 500_000;

  LocalStack stack;
  FaultStack faults;

  @BeforeAll
  void startStack() {
    stack = LocalStack.start();
    faults = new FaultStack(stack);
  }

  @AfterAll
  void stopStack() {
    ResultTable.publish(FaultStack.tableFile());
    if (faults != null) {
      faults.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void a_duplicates_and_shuffled_order_converge() throws Exception {
    try (Scenario scenario = scenario("a_duplicates", "a. duplicates + shuffle", false, 1)) {
      scenario.startReconciler(1);
      scenario.publishAsync().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      check(scenario.finish("none"));
    }
  }

  @Test
  @Order(2)
  void b_kill_9_three_times_mid_stream_loses_and_doubles_nothing() throws Exception {
    try (Scenario scenario = scenario("b_kill9", "b. kill -9 mid-stream", false, 2)) {
      ReconcilerProcess reconciler = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      for (double at : new double[] {0.25, 0.50, 0.75}) {
        scenario.awaitProgress(at);
        double handled =
            PrometheusText.sum(reconciler.metrics(), "lagline_reconciler_events_total", "");
        reconciler.kill9();
        LOG.info("b: killed {} at {} after it handled {} events", reconciler.name(), at, handled);
        reconciler = scenario.startReconciler(1);
      }
      publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      check(scenario.finish("kill -9 ×3, restarted"));
    }
  }

  @Test
  @Order(3)
  void c_cassandra_down_for_20_s_pauses_the_reconciler_and_it_resumes() throws Exception {
    try (Scenario scenario = scenario("c_cassandra_down", "c. Cassandra down", false, 3)) {
      ReconcilerProcess reconciler = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.30);

      CassandraNode node = stack.cassandra();
      long stopped = System.nanoTime();
      node.stop();
      boolean notReady = Checks.within(CASSANDRA_OUTAGE, () -> reconciler.readyStatus() == 503);
      boolean paused =
          Checks.within(
              Checks.remaining(stopped, CASSANDRA_OUTAGE),
              () -> PrometheusText.has(reconciler.metrics(), "lagline_reconciler_paused", "1.0"));
      // the fault lasts CASSANDRA_OUTAGE: the node comes back then, and the test waits for that
      CompletableFuture.runAsync(
              node::start,
              CompletableFuture.delayedExecutor(
                  Checks.remaining(stopped, CASSANDRA_OUTAGE).toMillis(), TimeUnit.MILLISECONDS))
          .get(CASSANDRA_OUTAGE.toMillis() + READY_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
      long down = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
      faults.reopenReader();
      boolean readyAgain = Checks.within(READY_AGAIN, () -> reconciler.readyStatus() == 200);
      LOG.info("c: Cassandra down {} s; ready again: {}", down, readyAgain);
      publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      ScenarioResult result = scenario.finish("Cassandra stopped " + down + " s");
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(notReady).as("/health/ready answered 503 while Cassandra was down").isTrue();
      soft.assertThat(paused)
          .as("/metrics showed lagline_reconciler_paused 1.0 while Cassandra was down")
          .isTrue();
      soft.assertThat(readyAgain).as("ready again after Cassandra returned").isTrue();
      soft.assertThat(reconciler.isAlive()).as("the reconciler rode out the outage").isTrue();
      soft.assertAll();
    }
  }

  @Test
  @Order(4)
  void d_a_slow_cross_cloud_link_that_drops_for_5_s_loses_nothing() throws Exception {
    try (Scenario scenario = scenario("d_slow_link", "d. cross-cloud link", false, 4);
        TcpFaultProxy link = TcpFaultProxy.start("cassandra", stack.cassandraContactPoint())) {
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
      publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

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

  @Test
  @Order(5)
  void e_three_replicas_one_killed_mid_stream() throws Exception {
    try (Scenario scenario = scenario("e_replicas", "e. 3 replicas, one killed", false, 5)) {
      List<ReconcilerProcess> replicas =
          List.of(
              scenario.startReconciler(1),
              scenario.startReconciler(2),
              scenario.startReconciler(3));
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.50);
      replicas.get(1).kill9();
      publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      check(scenario.finish("3 replicas, kill -9 ×1, not restarted"));
    }
  }

  @Test
  @Order(6)
  void f_ordered_delivery_a_poison_message_does_not_stall_its_key() throws Exception {
    try (Scenario scenario = scenario("f_ordered", "f. ordering keys + poison", true, 6)) {
      long poisonBeforeGood = scenario.workload().poisonAheadOfGood();
      scenario.startReconciler(1);
      scenario.publishAsync().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      ScenarioResult result =
          scenario.finish("ordering keys; " + poisonBeforeGood + " poison ahead of good events");
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(poisonBeforeGood)
          .as("poison messages published ahead of good events of their key")
          .isPositive();
      soft.assertAll();
    }
  }

  @Test
  @Order(7)
  void g_sigterm_mid_stream_drains_exits_0_and_a_new_process_converges() throws Exception {
    try (Scenario scenario = scenario("g_sigterm", "g. SIGTERM mid-stream", false, 7)) {
      ReconcilerProcess first = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.40);
      ReconcilerProcess.Exit exit = first.terminate(DRAIN.plus(Duration.ofMinutes(1)));
      scenario.startReconciler(1);
      publishing.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

      ScenarioResult result =
          scenario.finish(
              "SIGTERM ×1 (exit "
                  + exit.code()
                  + " after "
                  + exit.took().toSeconds()
                  + " s), restarted");
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(exit.code()).as("exit code after SIGTERM").isZero();
      soft.assertThat(exit.took())
          .as("time to exit after SIGTERM (drain timeout %s + %s)", DRAIN, DRAIN_MARGIN)
          .isLessThanOrEqualTo(DRAIN.plus(DRAIN_MARGIN));
      soft.assertAll();
    }
  }

  private Scenario scenario(String id, String title, boolean ordered, long seed) {
    return Scenario.create(faults, id, title, ordered, FaultWorkload.standard(seed), "");
  }

  private static double writeLimit(ReconcilerProcess reconciler) {
    return PrometheusText.sum(
        reconciler.metrics(), "lagline_reconciler_write_concurrency_limit", "");
  }

  private static void check(ScenarioResult result) {
    Checks.guarantees(result).assertAll();
  }
}
