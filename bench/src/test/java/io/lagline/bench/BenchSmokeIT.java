package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.EventCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole bench with tiny sizes on the real stack: every scenario runs, and summary.json has
 * every field the issue names with sane values (the drains after their warm-up, the redelivery
 * row's version-cache answers, three 50% steady runs) (the ingest row's included: p99 at least p50,
 * a peak at least the compared rate, every request of the comparison answered 202). Figures this
 * small measure nothing; the point is that the pipeline works.
 */
class BenchSmokeIT {
  @Test
  void every_scenario_runs_and_the_summary_has_every_field() throws Exception {
    Path out =
        Path.of(System.getProperty("basedir", "."), "target", "bench-smoke").toAbsolutePath();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();

    int code =
        BenchMain.execute(
            new String[] {"--smoke", "--out", out.toString()},
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true));

    assertThat(code).as("exit code; stderr:%n%s", stderr).isZero();
    assertThat(stdout.toString()).contains("| scenario |", "| target |");
    assertThat(out.resolve("table.md")).exists();
    JsonNode summary = EventCodec.json().readTree(Files.readString(out.resolve("summary.json")));
    for (String field : SummaryJson.REQUIRED_NUMBERS) {
      assertThat(summary.get(field)).as(field).isNotNull();
      assertThat(summary.get(field).isNumber()).as("%s = %s", field, summary.get(field)).isTrue();
      assertThat(summary.get(field).asDouble()).as(field).isPositive();
    }
    summary
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.endsWith("_eps")) {
                assertThat(summary.get(name).asDouble()).as(name).isPositive();
              }
            });
    JsonNode notifications = summary.get("notifications");
    notifications
        .fieldNames()
        .forEachRemaining(
            name ->
                assertThat(notifications.get(name).asDouble())
                    .as("notifications.%s", name)
                    .isPositive());
    assertThat(notifications.get("drain_ratio")).isNotNull();
    assertThat(summary.get("ingest_http_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(summary.get("ingest_http_p50_ms").asDouble());
    assertThat(summary.get("ingest_library_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(summary.get("ingest_library_p50_ms").asDouble());
    assertThat(summary.get("ingest_peak_rps").asDouble())
        .isGreaterThanOrEqualTo(summary.get("ingest_rate_rps").asDouble());
    assertThat(summary.get("ingest_peak_limit").asText()).contains("cores:");
    assertThat(summary.get("ingest_peak_steps")).isNotEmpty();
    assertThat(summary.get("targets").get("ingest_p99_over_library_p99").get("rule").asText())
        .isEqualTo("<= 1.50");
    assertThat(summary.get("scenarios").get("ingest_http").get("notes").asText())
        .contains("100.0% accepted");
    assertThat(summary.get("hotkeys_readback_exact").asBoolean()).isTrue();
    assertThat(summary.get("xmx128_completed").asBoolean()).isTrue();
    JsonNode scenarios = summary.get("scenarios");
    assertThat(scenarios.get("drain").get("notes").asText())
        .contains("after " + BenchSizes.smoke().warmEvents() + " warm-up events");
    assertThat(scenarios.get("redelivery").get("events").asLong())
        .isEqualTo(BenchSizes.smoke().latencyEvents());
    assertThat(scenarios.get("redelivery").get("notes").asText())
        .containsPattern(
            "answered from the version cache: \\d+ of " + BenchSizes.smoke().latencyEvents());
    assertThat(scenarios.get("xmx128").get("notes").asText()).doesNotContain("warm-up");
    for (Map.Entry<String, JsonNode> row : scenarios.properties()) {
      JsonNode rss = row.getValue().get("peak_rss_mb");
      if (!rss.isNull()) {
        // every process with an RSS is a JVM; a few MB is a figure read before it ran
        assertThat(rss.asDouble()).as("%s peak RSS", row.getKey()).isGreaterThan(50);
      }
    }
    assertThat(summary.get("steady50_lag_p99_runs_ms")).hasSize(SteadyScenario.HALF_RUNS);
    summary
        .get("steady50_lag_p99_runs_ms")
        .forEach(p99 -> assertThat(p99.asDouble()).as("p99 of a 50 percent run").isPositive());
    assertThat(summary.get("failures")).isEmpty();
  }
}
