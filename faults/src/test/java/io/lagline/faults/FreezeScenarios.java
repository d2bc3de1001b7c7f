package io.lagline.faults;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's freezes: a process stopped with SIGSTOP and resumed with SIGCONT, as a long GC pause,
 * a stalled VM or a live migration would. Unlike a stopped node nothing refuses: connections stay
 * open and requests hang until they time out, then the process answers again as if nothing happened
 * (with its own timers late). The thaw is scheduled at the end of the freeze when it starts, so a
 * failing check cannot leave the process stopped longer.
 */
final class FreezeScenarios {
  private static final Logger LOG = LoggerFactory.getLogger(FreezeScenarios.class);
  private static final Duration CASSANDRA_FREEZE = Duration.ofSeconds(30);
  private static final Duration EMULATOR_FREEZE = Duration.ofSeconds(20);

  /** What a thaw (one {@code kill -CONT}) may add to the freeze. */
  private static final Duration THAW_MARGIN = Duration.ofSeconds(30);

  private FreezeScenarios() {}

  /**
   * h: the Cassandra node frozen for 30 s at 30%: the reconciler must pause (writes time out rather
   * than fail), turn unready, and resume once the node answers again.
   */
  static void cassandraFrozen(FaultStack faults, Scenario scenario) throws Exception {
    ReconcilerProcess reconciler = scenario.startReconciler(1);
    CompletableFuture<Integer> publishing = scenario.publishAsync();
    scenario.awaitProgress(0.30);

    var node = faults.stack().cassandra();
    long frozen = System.nanoTime();
    node.freeze();
    CompletableFuture<Void> thawed = thawAfter(CASSANDRA_FREEZE, node::thaw);
    OutagePause pause = OutagePause.observe(reconciler, frozen, CASSANDRA_FREEZE);
    thawed.get(CASSANDRA_FREEZE.plus(THAW_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    long stopped = Duration.ofNanos(System.nanoTime() - frozen).toSeconds();
    boolean readyAgain =
        Checks.within(OutageScenarios.READY_AGAIN, () -> reconciler.readyStatus() == 200);
    LOG.info("h: Cassandra frozen {} s; {}, ready again: {}", stopped, pause, readyAgain);
    Scenario.awaitPublished(publishing);

    ScenarioResult result = scenario.finish("Cassandra's JVM SIGSTOP'd " + stopped + " s");
    SoftAssertions soft = Checks.guarantees(result);
    pause.check(soft, "frozen", readyAgain, reconciler);
    soft.assertAll();
  }

  /**
   * i: the Pub/Sub emulator's JVM frozen for 20 s at 40%: pulls, acks and publishes hang; leases
   * run out meanwhile, so what was handled but not yet acked comes again and must be a duplicate.
   */
  static void emulatorFrozen(FaultStack faults, Scenario scenario) throws Exception {
    ReconcilerProcess reconciler = scenario.startReconciler(1);
    CompletableFuture<Integer> publishing = scenario.publishAsync();
    scenario.awaitProgress(0.40);

    var emulator = faults.stack().emulator();
    long frozen = System.nanoTime();
    emulator.freeze();
    thawAfter(EMULATOR_FREEZE, emulator::thaw)
        .get(EMULATOR_FREEZE.plus(THAW_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    long stopped = Duration.ofNanos(System.nanoTime() - frozen).toSeconds();
    LOG.info("i: emulator frozen {} s; reconciler ready: {}", stopped, reconciler.readyStatus());
    Scenario.awaitPublished(publishing);

    ScenarioResult result = scenario.finish("emulator's JVM SIGSTOP'd " + stopped + " s");
    SoftAssertions soft = Checks.guarantees(result);
    soft.assertThat(reconciler.isAlive()).as("the reconciler rode out the freeze").isTrue();
    soft.assertAll();
  }

  /** Runs {@code thaw} once {@code freeze} has passed; the future completes after it. */
  private static CompletableFuture<Void> thawAfter(Duration freeze, Runnable thaw) {
    return CompletableFuture.runAsync(
        thaw, CompletableFuture.delayedExecutor(freeze.toMillis(), TimeUnit.MILLISECONDS));
  }
}
