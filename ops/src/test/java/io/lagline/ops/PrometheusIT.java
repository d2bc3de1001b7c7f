package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.demo.FitnessWorkload;
import io.lagline.demo.LagPercentiles;
import io.lagline.demo.ingest.IngestStats;
import io.lagline.event.Event;
import io.lagline.ops.AlertRules.Rule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard and the alert rules against a real Prometheus scraping a real reconciler and
 * producer: a steady fitness workload with duplicates, reordering and a few poison events runs on
 * the local stack, Prometheus scrapes both every second and evaluates the rules, and then every
 * panel query and every alert expression is run through its HTTP API.
 *
 * <p>An alert's expression returns nothing while the alert does not fire, so for alerts the test
 * proves the expression parses and that every metric it reads has series here; the promtool unit
 * tests prove what the expressions compute. The dead-letter alert really fires on this workload,
 * and the watermark alert is made to fire by stopping the reconciler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusIT.class);
  private static final String ENV = "ops-it";
  private static final int EVENTS = 2400;
  private static final int POISON = 5;
  private static final int INGESTED = 20;
  private static final int INGEST_REFUSED = 3;
  private static final Map<String, String> VARIABLES =
      Map.of("env", ENV, "instance", ".*", "__rate_interval", "1m");

  private MonitoredStack stack;
  private PrometheusServer prometheus;

  @BeforeAll
  void start_stack_prometheus_and_the_workload() throws Exception {
    Path dir = OpsFiles.targetDir("prometheus-it");
    stack = MonitoredStack.start(dir);
    prometheus =
        PrometheusServer.start(
            dir.resolve("prometheus"),
            ENV,
            Map.of(
                "lagline-reconciler", stack.reconcilerTarget(),
                "lagline-producer", stack.producerTarget(),
                "lagline-producer-serve", stack.ingest().target()),
            OpsFiles.alertRules());
    // rate() starts counting at a series' first scrape: the workload starts after that one
    Awaitility.await("Prometheus scraped the reconciler's lag histogram")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !prometheus
                    .query(
                        ("lagline_reconciler_consistency_lag_seconds_count{env=\"%s\","
                                + " event_type=\"DeviceSynced\"}")
                            .formatted(ENV))
                    .isEmpty());
    List<Event> events =
        new ArrayList<>(FitnessWorkload.generate(EVENTS, EVENTS / 10, 7).publishOrder());
    events.addAll(EVENTS / 2, MonitoredStack.poison(POISON));
    stack.publishSteadily(events, Duration.ofSeconds(20));
    // the ingest service's panels: some events accepted through it, some refused with 400
    List<Event> ingested = FitnessWorkload.generate(INGESTED, INGESTED, 11).publishOrder();
    IngestStats answered = stack.ingest().send(ingested, INGEST_REFUSED);
    assertThat(answered.accepted()).isEqualTo(ingested.size());
    assertThat(answered.rejected()).isEqualTo(INGEST_REFUSED);
    events.addAll(ingested);

    Awaitility.await("the reconciler acks every message")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> stack.acked() >= events.size());
    double lagCount = stack.reconciler().metrics().lagTimer("DeviceSynced").count();
    Awaitility.await("Prometheus scraped the final counts")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                value(
                            "sum(lagline_reconciler_replies_total{env=\"%s\", reply=\"ack\"})"
                                .formatted(ENV))
                        >= events.size()
                    && value(
                            ("sum(lagline_reconciler_consistency_lag_seconds_count{env=\"%s\","
                                    + " event_type=\"DeviceSynced\"})")
                                .formatted(ENV))
                        >= lagCount);
  }

  @AfterAll
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void scrapes_both_targets_and_evaluates_every_rule_without_error() {
    assertThat(prometheus.targets())
        .extracting(t -> t.path("labels").path("job").asText() + " " + t.path("health").asText())
        .containsExactlyInAnyOrder(
            "lagline-reconciler up", "lagline-producer up", "lagline-producer-serve up");
    List<JsonNode> rules = new ArrayList<>();
    prometheus.ruleGroups().forEach(group -> group.path("rules").forEach(rules::add));
    assertThat(rules)
        .hasSize(AlertRules.read(OpsFiles.alertRules()).size())
        .allSatisfy(
            rule ->
                assertThat(rule.path("health").asText())
                    .as(rule.path("name").asText() + " " + rule.path("lastError").asText())
                    .isEqualTo("ok"));
  }

  @Test
  @Order(2)
  void every_dashboard_query_parses_and_returns_series() {
    List<String> problems = new ArrayList<>();
    int panels = 0;
    int queries = 0;
    for (Dashboard.Panel panel : Dashboard.read(OpsFiles.dashboard()).panels()) {
      panels++;
      for (String expr : panel.exprs()) {
        queries++;
        String query = PromQl.substitute(expr, VARIABLES);
        String problem = check(query, PromQl.metricNames(expr));
        if (problem != null) {
          problems.add(panel.title() + ": " + problem);
        }
      }
    }
    LOG.info(
        "{} panels, {} queries run against Prometheus; problems: {}", panels, queries, problems);
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(3)
  void every_alert_expression_parses_and_every_metric_it_reads_has_series() {
    List<String> problems = new ArrayList<>();
    for (Rule rule : AlertRules.read(OpsFiles.alertRules())) {
      try {
        prometheus.query(rule.expr());
      } catch (IllegalStateException rejected) {
        problems.add(rule.name() + ": " + rejected.getMessage());
      }
      for (String metric : PromQl.metricNames(rule.expr())) {
        String problem = check(metric + "{env=\"" + ENV + "\"}", Set.of(metric));
        if (problem != null) {
          problems.add(rule.name() + ": " + problem);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(4)
  void the_dead_letter_alert_expression_fires_on_the_poison_events() {
    JsonNode firing = prometheus.query(rule("LaglineDeadLettersRising").expr());

    assertThat(firing)
        .anySatisfy(
            series -> {
              assertThat(series.path("metric").path("env").asText()).isEqualTo(ENV);
              assertThat(series.path("metric").path("reason").asText()).isEqualTo("missing_field");
              assertThat(series.path("value").get(1).asDouble()).isEqualTo(POISON);
            });
  }

  @Test
  @Order(5)
  void the_lag_panel_agrees_with_the_reconcilers_own_histogram() {
    List<String> exprs =
        Dashboard.read(OpsFiles.dashboard()).panel("Consistency lag p50 / p95 / p99").exprs();
    // a window longer than the run: the panel then shows the whole run, like the registry
    Map<String, String> wholeRun = Map.of("env", ENV, "instance", ".*", "__rate_interval", "1h");
    double p50 = value(PromQl.substitute(exprs.get(0), wholeRun));
    double p99 = value(PromQl.substitute(exprs.get(2), wholeRun));
    double ownP50 = LagPercentiles.millis(stack.reconciler().registry(), 0.50) / 1000;
    double ownP99 = LagPercentiles.millis(stack.reconciler().registry(), 0.99) / 1000;

    // Both interpolate within the same buckets over the same events (the lag series exist at zero
    // and were scraped before the workload); rate()'s extrapolation to the window's edges and a
    // heartbeat or two between scrapes are all that may differ.
    LOG.info(
        "lag panel p50 {} s / p99 {} s; the reconciler's own histogram p50 {} s / p99 {} s",
        p50,
        p99,
        ownP50,
        ownP99);
    assertThat(ownP99).isPositive();
    assertThat(p99).as("p99 %s s vs own %s s", p99, ownP99).isCloseTo(ownP99, withinPercentage(25));
    assertThat(p50).as("p50 %s s vs own %s s", p50, ownP50).isCloseTo(ownP50, withinPercentage(25));
  }

  @Test
  @Order(6)
  void the_watermark_alert_fires_while_the_reconciler_is_stopped_and_clears_after_restart() {
    WatermarkStall.run(stack, prometheus, rule("LaglineWatermarkStalled").expr(), ENV);
  }

  /** Null when {@code query} parses and returns series (or may return none), else the problem. */
  private String check(String query, Set<String> metrics) {
    try {
      if (!prometheus.query(query).isEmpty()) {
        return null;
      }
      return metrics.stream().anyMatch(KnownMetrics::mayBeAbsent) ? null : "no series for " + query;
    } catch (IllegalStateException rejected) {
      return rejected.getMessage() + " in " + query;
    }
  }

  private double value(String query) {
    JsonNode result = prometheus.query(query);
    return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
  }

  private static Rule rule(String name) {
    return AlertRules.read(OpsFiles.alertRules()).stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
