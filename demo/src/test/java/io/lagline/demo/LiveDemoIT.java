package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The acceptance check, on the real thing: {@code bin/demo --events 3000 --keep-running}
 * (its jar, as bin/demo runs it, in a child JVM), then what an operator relies on while it runs,
 * then SIGTERM. One run for all the checks, in order; bounded to a few minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveDemoIT {
  /** From the summary being written to every dashboard and alert metric served. */
  private static final Duration METRICS_WITHIN = Duration.ofSeconds(15);

  private static final Duration SUMMARY_WITHIN = Duration.ofMinutes(6);
  private static final Duration STOP_WITHIN = Duration.ofMinutes(2);

  /** The one WARN source another change removes: the driver's throttling metrics. */
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path root = MonitoredMetrics.root();
  private final Path dir = root.resolve("demo/target/live-demo");
  private final Path summaryFile = dir.resolve("summary.json");
  private final Path log = dir.resolve("demo.log");
  private Process demo;
  private long summaryWrittenAt;
  private JsonNode summary;

  @BeforeAll
  void start_the_demo_and_wait_for_its_summary() throws Exception {
    Path jar = root.resolve("demo/target/demo.jar");
    assertThat(jar).as("built by the package phase, before failsafe runs").isRegularFile();
    Files.createDirectories(dir);
    Files.deleteIfExists(summaryFile);
    String java = ProcessHandle.current().info().command().orElse("java");
    demo =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--events",
                "3000",
                "--admin-port",
                "0",
                "--keep-running",
                "--json",
                summaryFile.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    demo.getOutputStream().close();
    await("the summary; output so far:%n" + output())
        .atMost(SUMMARY_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(demo.isAlive())
                  .as("the demo exited early; its output:%n%s", output())
                  .isTrue();
              return Files.exists(summaryFile);
            });
    summaryWrittenAt = System.nanoTime();
    summary = EventCodec.json().readTree(summaryFile.toFile());
  }

  @Test
  @Order(1)
  void converges_and_lists_every_endpoint() {
    assertThat(summary.get("converged").asBoolean()).as(output()).isTrue();
    DemoIT.assertDownstream(summary);
    assertThat(summary.get("metrics_url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
    assertThat(summary.get("producer_metrics_url").asText())
        .matches("http://127\\.0\\.0\\.1:\\d+/metrics");
    assertThat(summary.get("ingest_metrics_url").asText())
        .matches("http://127\\.0\\.0\\.1:\\d+/metrics");
    if (DemoPrometheus.binary().isPresent()) {
      assertThat(summary.get("prometheus_url").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
    } else {
      assertThat(summary.get("prometheus_url").isNull()).isTrue();
    }
    assertThat(output())
        .contains("producer:   " + summary.get("producer_metrics_url").asText())
        .contains("serve:      " + summary.get("ingest_metrics_url").asText())
        .contains("keeping it running: 5 events/s");
  }

  @Test
  @Order(2)
  void serves_every_metric_of_the_dashboards_and_alerts_within_15_s_of_the_summary()
      throws Exception {
    Set<String> used = MonitoredMetrics.used(root);
    Set<String> missing = new TreeSet<>(used);
    Duration left =
        Duration.ofNanos(summaryWrittenAt + METRICS_WITHIN.toNanos() - System.nanoTime());
    try {
      await()
          .atMost(left.isNegative() ? Duration.ZERO : left)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                missing.removeAll(
                    MonitoredMetrics.served(get(summary.get("metrics_url").asText())));
                missing.removeAll(
                    MonitoredMetrics.served(get(summary.get("producer_metrics_url").asText())));
                missing.removeAll(
                    MonitoredMetrics.served(get(summary.get("ingest_metrics_url").asText())));
                return missing.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      // reported below, with the names still missing
    }

    assertThat(used).as("names read from the dashboards and alert rules").hasSizeGreaterThan(20);
    assertThat(missing)
        .as(
            "used by grafana/dashboards or the alert rules, on no live endpoint 15 s after the"
                + " summary")
        .isEmpty();
  }

  @Test
  @Order(3)
  void keeps_a_trickle_and_heartbeats_flowing_after_converging() throws Exception {
    String producer = summary.get("producer_metrics_url").asText();
    double before = sum(get(producer), "lagline_producer_publishes_events_total", "DeviceSynced");

    // the trickle publishes 5 events per second
    await("5 more trickle events")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sum(get(producer), "lagline_producer_publishes_events_total", "DeviceSynced")
                    - before,
            published -> published >= 5);
    assertThat(sum(get(producer), "lagline_producer_heartbeats_total", "outcome=\"ok\""))
        .isPositive();
  }

  @Test
  @Order(4)
  void prometheus_scrapes_every_endpoint_with_the_alert_rules() throws Exception {
    assertThat(DemoPrometheus.binary()).as("prometheus (bin/test installs it)").isPresent();
    String prometheus = summary.get("prometheus_url").asText();
    // the first scrapes come within one 5 s interval
    String targets =
        await("all three targets up")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> get(prometheus + "/api/v1/targets"), t -> count(t, "\"health\":\"up\"") >= 3);

    assertThat(count(targets, "\"health\":\"up\"")).as(targets).isEqualTo(3);
    assertThat(targets)
        .contains("lagline-reconciler")
        .contains("lagline-producer")
        .contains("lagline-producer-serve");
    assertThat(get(prometheus + "/api/v1/rules")).contains("LaglineWatermarkStalled");
  }

  @Test
  @Order(5)
  void stops_everything_on_sigterm_and_logs_no_warning() throws Exception {
    List<ProcessHandle> children = demo.descendants().toList();
    assertThat(children).as("emulator, Cassandra node (and Prometheus)").hasSizeGreaterThan(1);

    demo.destroy(); // SIGTERM

    assertThat(demo.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
        .as("stopped within %s; output:%n%s", STOP_WITHIN, output())
        .isTrue();
    assertThat(demo.exitValue()).as(output()).isZero();
    for (ProcessHandle child : children) {
      child.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(output())
        .contains("stopped: trickle, ")
        .contains("producer, reconciler, Pub/Sub emulator, Cassandra node");
    assertThat(output().lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")))
        .as("warnings and errors of the whole run")
        .isEmpty();
  }

  @AfterAll
  void stop_whatever_is_left() {
    if (demo != null && demo.isAlive()) {
      demo.descendants().forEach(ProcessHandle::destroyForcibly);
      demo.destroyForcibly();
    }
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of the samples of {@code metric} whose line contains {@code label}. */
  private static double sum(String page, String metric, String label) {
    Matcher sample =
        Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
            .matcher(page);
    double sum = 0;
    while (sample.find()) {
      if (sample.group(1).contains(label)) {
        sum += Double.parseDouble(sample.group(2));
      }
    }
    return sum;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
