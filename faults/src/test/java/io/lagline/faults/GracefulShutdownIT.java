package io.lagline.faults;

import io.lagline.reconciler.config.ShutdownConfig;
import io.lagline.testkit.KeepLogsOnFailure;
import io.lagline.testkit.LocalStack;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reconciler stopped like a Kubernetes pod (SIGTERM) in the middle of the standard workload must
 * drain and exit with code 0 within its drain timeout, and a new process must then converge with
 * nothing lost and nothing applied twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KeepLogsOnFailure.class)
class GracefulShutdownIT {
  /** Beyond the drain timeout: JVM shutdown, closing the session and the admin endpoint. */
  private static final Duration MARGIN = Duration.ofSeconds(10);

  private static final Duration DRAIN = ShutdownConfig.DEFAULT_DRAIN_TIMEOUT;

  LocalStack stack;
  FaultStack faults;

  @BeforeAll
  void startStack() {
    PatchedEmulator.useIfNeeded();
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
  void sigterm_mid_stream_drains_exits_0_and_a_new_process_converges() throws Exception {
    try (Scenario scenario =
        Scenario.create(
            faults, "g_sigterm", "g. SIGTERM mid-stream", false, FaultWorkload.standard(7), "")) {
      ReconcilerProcess first = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(0.40);
      ReconcilerProcess.Exit exit = first.terminate(DRAIN.plus(Duration.ofMinutes(1)));
      scenario.startReconciler(1);
      publishing.get(5, TimeUnit.MINUTES);

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
          .as("time to exit after SIGTERM (drain timeout %s + %s)", DRAIN, MARGIN)
          .isLessThanOrEqualTo(DRAIN.plus(MARGIN));
      soft.assertAll();
    }
  }
}
