package io.lagline.faults;

import io.lagline.metrics.PrometheusText;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;

/**
 * How a reconciler showed an outage of Cassandra while it lasted: {@code /health/ready} answering
 * 503 and {@code lagline_reconciler_paused 1.0} on {@code /metrics}.
 *
 * @param unready readiness answered 503 during the outage
 * @param paused the paused gauge read 1.0 during the outage
 */
record OutagePause(boolean unready, boolean paused) {
  /**
   * Watches {@code reconciler} from now until it turned unready (at most {@code outage}), then
   * until it shows paused or {@code outage}, begun at {@code sinceNanos}, is over.
   */
  static OutagePause observe(ReconcilerProcess reconciler, long sinceNanos, Duration outage) {
    boolean unready = Checks.within(outage, () -> reconciler.readyStatus() == 503);
    boolean paused =
        Checks.within(
            Checks.remaining(sinceNanos, outage),
            () -> PrometheusText.parse(reconciler.metrics()).has("lagline_reconciler_paused", 1.0));
    return new OutagePause(unready, paused);
  }

  /**
   * Checks that the reconciler paused, turned unready, came back ready and stayed alive.
   *
   * @param state what happened to Cassandra, e.g. {@code down} or {@code frozen}
   */
  void check(SoftAssertions soft, String state, boolean readyAgain, ReconcilerProcess reconciler) {
    soft.assertThat(unready)
        .as("/health/ready answered 503 while Cassandra was %s", state)
        .isTrue();
    soft.assertThat(paused)
        .as("/metrics showed lagline_reconciler_paused 1.0 while Cassandra was %s", state)
        .isTrue();
    soft.assertThat(readyAgain).as("ready again after Cassandra was %s", state).isTrue();
    soft.assertThat(reconciler.isAlive())
        .as("the reconciler rode out Cassandra %s", state)
        .isTrue();
  }
}
