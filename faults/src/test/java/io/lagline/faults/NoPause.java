package io.lagline.faults;

import io.lagline.metrics.PrometheusText;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;

/**
 * How a reconciler rode out a fault it should not pause for (one replica of three gone): sampled
 * every quarter second while the fault lasted, readiness and the paused gauge, and how far the
 * stream got meanwhile.
 *
 * @param samples times the reconciler was asked
 * @param unready samples where {@code /health/ready} did not answer 200
 * @param paused samples where {@code lagline_reconciler_paused} read 1
 * @param rowsBefore history rows when the fault began
 * @param rowsAfter history rows when it ended
 */
record NoPause(int samples, int unready, int paused, long rowsBefore, long rowsAfter) {
  private static final Duration SAMPLE = Duration.ofMillis(250);

  /**
   * Samples {@code reconciler} for {@code length}; {@code scenario} counts the rows at the end.
   *
   * @param before the history rows when the fault began
   */
  static NoPause watch(
      ReconcilerProcess reconciler, Scenario scenario, long before, Duration length)
      throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    int samples = 0;
    int unready = 0;
    int paused = 0;
    while (System.nanoTime() - end < 0) {
      samples++;
      if (reconciler.readyStatus() != 200) {
        unready++;
      }
      if (PrometheusText.parse(reconciler.metrics()).has("lagline_reconciler_paused", 1.0)) {
        paused++;
      }
      Thread.sleep(SAMPLE.toMillis());
    }
    return new NoPause(samples, unready, paused, before, scenario.historyRowsWhenReadable());
  }

  /** Checks that the reconciler stayed ready and unpaused and kept writing throughout. */
  void check(SoftAssertions soft, String fault) {
    soft.assertThat(samples).as("samples taken while %s", fault).isPositive();
    soft.assertThat(paused).as("samples with the reconciler paused while %s", fault).isZero();
    soft.assertThat(unready).as("samples with the reconciler unready while %s", fault).isZero();
    soft.assertThat(rowsAfter)
        .as("history rows written while %s (%d before)", fault, rowsBefore)
        .isGreaterThan(rowsBefore);
  }

  @Override
  public String toString() {
    return samples
        + " samples, "
        + unready
        + " unready, "
        + paused
        + " paused, rows "
        + rowsBefore
        + " → "
        + rowsAfter;
  }
}
