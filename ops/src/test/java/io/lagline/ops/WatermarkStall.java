package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watermark alert end to end: with the producer's heartbeats flowing, stopping the reconciler
 * for 60 s must make the alert's expression return a series in Prometheus, and starting it again
 * must clear it.
 */
final class WatermarkStall {
  /** How long the reconciler stays stopped. */
  static final Duration STOPPED = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(WatermarkStall.class);
  private static final String WATERMARK =
      "max(lagline_reconciler_watermark_lag_seconds{env=\"%s\"})";

  private WatermarkStall() {}

  static void run(MonitoredStack stack, PrometheusServer prometheus, String expr, String env) {
    String heartbeats = "sum(lagline_producer_heartbeats_total{env=\"" + env + "\"})";
    Awaitility.await("heartbeats made durable and the watermark current")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !prometheus
                        .query("lagline_reconciler_watermark_lag_seconds{env=\"" + env + "\"}")
                        .isEmpty()
                    && !firing(prometheus, expr, env));
    double heartbeatsBefore = value(prometheus, heartbeats);

    long stoppedAt = System.nanoTime();
    stack.stopReconciler();
    Awaitility.await("the watermark alert expression fires while the reconciler is stopped")
        .atMost(STOPPED.plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> firing(prometheus, expr, env));
    Duration toFire = Duration.ofNanos(System.nanoTime() - stoppedAt);
    LOG.info(
        "watermark alert expression fired {} s after the reconciler stopped (watermark lag {} s)",
        toFire.toSeconds(),
        value(prometheus, WATERMARK.formatted(env)));
    assertThat(toFire).as("fired by the stall, not at once").isGreaterThan(Duration.ofSeconds(20));
    Awaitility.await("still firing when the reconciler has been stopped for " + STOPPED)
        .atMost(STOPPED.plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Duration.ofNanos(System.nanoTime() - stoppedAt).compareTo(STOPPED) >= 0
                    && firing(prometheus, expr, env));
    assertThat(
            prometheus.query("ALERTS{alertname=\"LaglineWatermarkStalled\", env=\"" + env + "\"}"))
        .as("Prometheus' own rule evaluation has the alert pending or firing")
        .isNotEmpty();
    assertThat(value(prometheus, heartbeats))
        .as("the producer kept heartbeating while the reconciler was stopped")
        .isGreaterThan(heartbeatsBefore);

    LOG.info(
        "still firing after {} s stopped (watermark lag {} s); restarting the reconciler",
        Duration.ofNanos(System.nanoTime() - stoppedAt).toSeconds(),
        value(prometheus, WATERMARK.formatted(env)));
    long restartedAt = System.nanoTime();
    stack.startReconciler();
    Awaitility.await("the watermark alert expression clears after the restart")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !firing(prometheus, expr, env));
    LOG.info(
        "cleared {} s after the restart (watermark lag {} s)",
        Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds(),
        value(prometheus, WATERMARK.formatted(env)));
  }

  private static boolean firing(PrometheusServer prometheus, String expr, String env) {
    return StreamSupport.stream(prometheus.query(expr).spliterator(), false)
        .anyMatch(series -> env.equals(series.path("metric").path("env").asText()));
  }

  private static double value(PrometheusServer prometheus, String query) {
    JsonNode result = prometheus.query(query);
    return result.isEmpty() ? 0 : result.get(0).path("value").get(1).asDouble();
  }
}
