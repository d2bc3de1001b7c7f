package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.demo.FitnessWorkload;
import io.lagline.event.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KEDA scaler's exact query (read from {@code keda-lag-scaling/scaledobject.yaml}) against a
 * real Prometheus scraping a real reconciler: a backlog builds while the reconciler is stopped
 * (events, and the producer's heartbeats), then the reconciler restarts and drains it. The query
 * must rise above the ScaledObject's threshold while the backlog drains and settle below it once
 * the backlog is gone and only heartbeats arrive. Prints every sample (seconds since the restart,
 * query value, messages acked) for the README.
 */
class ReceiveLagScalingIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiveLagScalingIT.class);
  private static final String ENV = "ops-lag-it";
  private static final int EVENTS = 6000;
  private static final Duration PUBLISHING = Duration.ofSeconds(10);
  private static final Duration BACKLOG_AGE = Duration.ofSeconds(45);
  private static final Duration SETTLED = Duration.ofSeconds(20);
  private static final Duration LIMIT = Duration.ofMinutes(3);

  /** One evaluation of the scaler's query. */
  record Sample(double seconds, double value, double acked) {}

  @Test
  void the_scalers_query_rises_above_its_threshold_while_a_backlog_drains_and_settles_below_after()
      throws Exception {
    LagScaledObject scaler = LagScaledObject.read(OpsFiles.lagScaledObject());
    String query = scaler.queryWith("env=\"" + ENV + "\"");
    Path dir = OpsFiles.targetDir("receive-lag-it");
    try (MonitoredStack stack = MonitoredStack.start(dir);
        PrometheusServer prometheus =
            PrometheusServer.start(
                dir.resolve("prometheus"),
                ENV,
                Map.of("lagline-reconciler", stack.reconcilerTarget()),
                OpsFiles.alertRules())) {
      Awaitility.await("Prometheus scraped the receive lag")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !Double.isNaN(value(prometheus, query)));

      stack.stopReconciler();
      List<Event> events =
          new ArrayList<>(FitnessWorkload.generate(EVENTS, EVENTS / 10, 11).publishOrder());
      long backlogStart = System.nanoTime();
      stack.publishSteadily(events, PUBLISHING);
      // the backlog ages while nothing drains it: its oldest message must be older than the
      // threshold
      TimeUnit.NANOSECONDS.sleep(backlogStart + BACKLOG_AGE.toNanos() - System.nanoTime());
      stack.startReconciler();

      List<Sample> samples = new ArrayList<>();
      long start = System.nanoTime();
      long drainedAt = Long.MAX_VALUE;
      while (System.nanoTime() - start < LIMIT.toNanos()) {
        double acked = stack.acked();
        long now = System.nanoTime();
        samples.add(new Sample((now - start) / 1e9, value(prometheus, query), acked));
        if (acked >= events.size() && drainedAt == Long.MAX_VALUE) {
          drainedAt = now;
        }
        if (now - drainedAt > SETTLED.toNanos() + PUBLISHING.toNanos()) {
          break;
        }
        TimeUnit.SECONDS.sleep(1); // the sampling period, as KEDA's pollingInterval but faster
      }
      double drainSeconds = drainedAt == Long.MAX_VALUE ? Double.NaN : (drainedAt - start) / 1e9;
      print(scaler, query, samples, drainSeconds);

      assertThat(drainedAt).as("the backlog drained within %s", LIMIT).isNotEqualTo(Long.MAX_VALUE);
      assertThat(samples)
          .as("above the threshold while the backlog drains")
          .anySatisfy(
              s -> {
                assertThat(s.acked()).isLessThan(events.size());
                assertThat(s.value()).isGreaterThan(scaler.threshold());
              });
      List<Sample> settled =
          samples.stream().filter(s -> s.seconds() > drainSeconds + SETTLED.toSeconds()).toList();
      assertThat(settled)
          .as("below the threshold from %s after the drain", SETTLED)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.value()).isLessThan(scaler.threshold()));
    }
  }

  private static void print(
      LagScaledObject scaler, String query, List<Sample> samples, double drainSeconds) {
    StringBuilder table = new StringBuilder();
    table.append("query ").append(query).append(", threshold ").append(scaler.threshold());
    table.append("; backlog of ").append(EVENTS).append(" events published over ");
    table.append(PUBLISHING.toSeconds()).append(" s, reconciler restarted ");
    table.append(BACKLOG_AGE.toSeconds()).append(" s after the first; drained at ");
    table.append("%.1f s%n".formatted(drainSeconds));
    table.append("%8s %10s %8s%n".formatted("t (s)", "value (s)", "acked"));
    for (Sample s : samples) {
      table.append("%8.1f %10.2f %8.0f%n".formatted(s.seconds(), s.value(), s.acked()));
    }
    LOG.info("receive lag samples:\n{}", table);
    System.out.println(table);
  }

  /** The query's single value, NaN when it returns no series. */
  private static double value(PrometheusServer prometheus, String query) {
    JsonNode result = prometheus.query(query);
    return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
  }
}
