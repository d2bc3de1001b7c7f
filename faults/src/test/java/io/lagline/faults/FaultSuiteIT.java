package io.lagline.faults;

import io.lagline.metrics.PrometheusText;
import io.lagline.reconciler.config.ShutdownConfig;
import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
 * scenarios; each scenario has its own topic, subscriptions and keyspace. The outages of Cassandra
 * are in {@link OutageScenarios}, the frozen processes in {@link FreezeScenarios}, the reconciled
 * stream in {@link ReconciledScenario}. {@value FaultScenario#PROPERTY} selects scenarios by letter
 * or name ({@code bin/faults --scenario}); the others are skipped. Prints one table row per
 * scenario and the table at the end (also in {@code fault-table.md} under {@link
 * FaultStack#outDir()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(KeepLogsOnFailure.class)
class FaultSuiteIT {
  private static final Logger LOG = LoggerFactory.getLogger(FaultSuiteIT.class);

  /** How long a SIGTERM'd reconciler may take to drain (g), and what exiting may add to it. */
  private static final Duration DRAIN = ShutdownConfig.DEFAULT_DRAIN_TIMEOUT;

  private static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);

  /** What {@value FaultScenario#PROPERTY} selects; an unknown name fails the class at once. */
  private final Set<FaultScenario> selected = FaultScenario.selected();

  LocalStack stack;
  FaultStack faults;

  @BeforeAll
  void startStack() {
    stack = LocalStack.start();
    faults = new FaultStack(stack);
  }

  @AfterAll
  void stopStack() {
    if (!ResultTable.rows(false).isEmpty()) {
      ResultTable.publish(FaultStack.tableFile(false), false);
    }
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
    try (Scenario scenario = scenario(FaultScenario.A)) {
      scenario.startReconciler(1);
      Scenario.awaitPublished(scenario.publishAsync());

      check(scenario.finish("none"));
    }
  }

  @Test
  @Order(2)
  void b_kill_9_three_times_mid_stream_loses_and_doubles_nothing() throws Exception {
    try (Scenario scenario = scenario(FaultScenario.B)) {
      ReconcilerProcess reconciler = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      for (double at : new double[] {0.25, 0.50, 0.75}) {
        scenario.awaitProgress(at);
        double handled =
            PrometheusText.parse(reconciler.metrics()).sum("lagline_reconciler_events_total");
        reconciler.kill9();
        LOG.info("b: killed {} at {} after it handled {} events", reconciler.name(), at, handled);
        reconciler = scenario.startReconciler(1);
      }
      Scenario.awaitPublished(publishing);

      check(scenario.finish("kill -9 ×3, restarted"));
    }
  }

  @Test
  @Order(3)
  void c_cassandra_down_for_20_s_pauses_the_reconciler_and_it_resumes() throws Exception {
    run(FaultScenario.C, OutageScenarios::cassandraDown);
  }

  @Test
  @Order(4)
  void d_a_slow_cross_cloud_link_that_drops_for_5_s_loses_nothing() throws Exception {
    run(FaultScenario.D, OutageScenarios::slowLink);
  }

  @Test
  @Order(5)
  void e_three_replicas_one_killed_mid_stream() throws Exception {
    try (Scenario scenario = scenario(FaultScenario.E)) {
      List<ReconcilerProcess> replicas =
          List.of(
              scenario.startReconciler(1),
              scenario.startReconciler(2),
              scenario.startReconciler(3));
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.50);
      replicas.get(1).kill9();
      Scenario.awaitPublished(publishing);

      check(scenario.finish("3 replicas, kill -9 ×1, not restarted"));
    }
  }

  @Test
  @Order(6)
  void f_ordered_delivery_a_poison_message_does_not_stall_its_key() throws Exception {
    try (Scenario scenario = scenario(FaultScenario.F, true, () -> FaultWorkload.standard(6))) {
      long poisonBeforeGood = scenario.workload().poisonAheadOfGood();
      scenario.startReconciler(1);
      Scenario.awaitPublished(scenario.publishAsync());

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
    try (Scenario scenario = scenario(FaultScenario.G)) {
      ReconcilerProcess first = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.40);
      ReconcilerProcess.Exit exit = first.terminate(DRAIN.plus(Duration.ofMinutes(1)));
      scenario.startReconciler(1);
      Scenario.awaitPublished(publishing);

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

  @Test
  @Order(8)
  void h_cassandra_frozen_for_30_s_pauses_the_reconciler_and_it_resumes() throws Exception {
    run(FaultScenario.H, FreezeScenarios::cassandraFrozen);
  }

  @Test
  @Order(9)
  void i_emulator_frozen_for_20_s_loses_and_doubles_nothing() throws Exception {
    run(FaultScenario.I, FreezeScenarios::emulatorFrozen);
  }

  @Test
  @Order(10)
  void j_large_messages_are_applied_and_one_over_the_limit_is_dead_lettered() throws Exception {
    try (Scenario scenario =
        scenario(FaultScenario.J, false, () -> LargeMessages.mixInto(FaultWorkload.standard(10)))) {
      scenario.startReconciler(1);
      Scenario.awaitPublished(scenario.publishAsync());

      check(scenario.finish(LargeMessages.describe()));
    }
  }

  @Test
  @Order(11)
  void k_on_the_stock_emulator_the_reconciler_refuses_to_run_and_nothing_is_consumed()
      throws Exception {
    Assumptions.assumeTrue(
        StockEmulatorScenario.installedIsDefective(),
        "the installed emulator keeps no closed streams: nothing to refuse");
    try (Scenario scenario =
        scenario(
            FaultScenario.K,
            false,
            () -> FaultWorkload.generate(1_000, 100, 0.0, FaultScenario.K.ordinal() + 1))) {
      StockEmulatorScenario.refuses(faults, scenario);
    }
  }

  @Test
  @Order(12)
  void l_kill_9_with_the_reconciled_stream_notifies_every_good_event_once_it_is_durable()
      throws Exception {
    try (Scenario scenario =
        scenario(
            FaultScenario.L,
            false,
            true,
            () -> FaultWorkload.standard(FaultScenario.L.ordinal() + 1))) {
      ReconciledScenario.killedMidStream(faults, scenario);
    }
  }

  @Test
  @Order(13)
  void r_a_restore_from_a_backup_is_rebuilt_from_the_watermark_while_traffic_goes_on()
      throws Exception {
    rebuild(FaultScenario.R, FaultWorkload.standard(14), RebuildScenarios::restore);
  }

  @Test
  @Order(14)
  void s_a_table_added_to_the_mapping_is_backfilled_alone() throws Exception {
    rebuild(
        FaultScenario.S,
        FaultWorkload.generate(10_000, 1_000, 0.0, 15),
        RebuildScenarios::backfill);
  }

  @Test
  @Order(15)
  void t_a_rebuild_killed_half_way_and_started_again_converges() throws Exception {
    rebuild(FaultScenario.T, FaultWorkload.standard(16), RebuildScenarios::killedHalfWay);
  }

  /** A rebuild scenario: its topic retains its messages for the rebuild to replay. */
  private void rebuild(FaultScenario which, FaultWorkload workload, ScenarioBody body)
      throws Exception {
    Assumptions.assumeTrue(
        selected.contains(which), which.shortName() + " is not in " + FaultScenario.PROPERTY);
    try (Scenario scenario =
        Scenario.retaining(
            faults, which.id(), which.title(), workload, RebuildScenarios.RETENTION)) {
      body.run(faults, scenario);
    }
  }

  /** One of the scenarios whose body lives in another class. */
  @FunctionalInterface
  interface ScenarioBody {
    void run(FaultStack faults, Scenario scenario) throws Exception;
  }

  private void run(FaultScenario which, ScenarioBody body) throws Exception {
    try (Scenario scenario = scenario(which)) {
      body.run(faults, scenario);
    }
  }

  private Scenario scenario(FaultScenario which) {
    return scenario(which, false, () -> FaultWorkload.standard(which.ordinal() + 1));
  }

  /**
   * Sets up {@code which}, or skips the test when {@value FaultScenario#PROPERTY} leaves it out.
   */
  private Scenario scenario(
      FaultScenario which, boolean ordered, Supplier<FaultWorkload> workload) {
    return scenario(which, ordered, false, workload);
  }

  /** As above; with {@code reconciled}, the reconciler publishes the reconciled stream. */
  private Scenario scenario(
      FaultScenario which, boolean ordered, boolean reconciled, Supplier<FaultWorkload> workload) {
    Assumptions.assumeTrue(
        selected.contains(which), which.shortName() + " is not in " + FaultScenario.PROPERTY);
    return Scenario.create(
        faults, which.id(), which.title(), ordered, workload.get(), reconciled, "");
  }

  private static void check(ScenarioResult result) {
    Checks.guarantees(result).assertAll();
  }
}
