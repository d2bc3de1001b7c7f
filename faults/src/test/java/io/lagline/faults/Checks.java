package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;

/** Assertion and waiting helpers shared by the fault tests. */
final class Checks {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration SHORTEST_WAIT = Duration.ofMillis(500);

  private Checks() {}

  /**
   * Records the result in the {@link ResultTable} and checks the four guarantees softly: the caller
   * adds its own checks and calls {@link SoftAssertions#assertAll()}.
   */
  static SoftAssertions guarantees(ScenarioResult result) {
    ResultTable.add(result);
    SoftAssertions soft = new SoftAssertions();
    result.checkGuarantees(soft);
    return soft;
  }

  /** True when {@code condition} holds within {@code timeout} (at least half a second). */
  static boolean within(Duration timeout, Callable<Boolean> condition) {
    try {
      await()
          .atMost(timeout.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : timeout)
          .pollInterval(POLL)
          .ignoreExceptions()
          .until(condition);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** What is left of {@code of} since {@code sinceNanos} ({@link System#nanoTime()}); never < 0. */
  static Duration remaining(long sinceNanos, Duration of) {
    Duration left = of.minus(Duration.ofNanos(System.nanoTime() - sinceNanos));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
