package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.EventCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, end to end, on the real local stack: it must converge and say so. */
class DemoIT {
  @TempDir Path dir;

  @Test
  void converges_and_reports_counts_lag_and_the_metrics_urls() throws Exception {
    Path json = dir.resolve("summary.json");
    Path chart = dir.resolve("run.png");
    StringWriter out = new StringWriter();

    int code =
        DemoMain.execute(
            new String[] {
              "--events",
              "3000",
              "--admin-port",
              "0",
              "--json",
              json.toString(),
              "--chart",
              chart.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));

    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("converged:  yes").contains("lag p99:");
    JsonNode summary = EventCodec.json().readTree(json.toFile());
    assertThat(summary.get("converged").asBoolean()).isTrue();
    assertThat(summary.get("published").asLong()).isEqualTo(3000);
    assertThat(summary.get("applied").asLong()).isPositive();
    assertThat(summary.get("duplicate").asLong() + summary.get("stale").asLong())
        .as("duplicates and out-of-order versions are counted, not applied")
        .isPositive();
    assertThat(summary.get("lag_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(summary.get("lag_p50_ms").asDouble())
        .isPositive();
    assertDownstream(summary);
    assertThat(out.toString())
        .contains("downstream raw:        reads ")
        .contains("downstream reconciled: reads ");
    assertThat(summary.get("metrics_url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
    assertThat(summary.get("producer_metrics_url").asText())
        .as("the producer serves its own metrics")
        .matches("http://127\\.0\\.0\\.1:\\d+/metrics");
    assertThat(summary.get("prometheus_url").isNull()).as("only with --keep-running").isTrue();
    assertThat(out.toString())
        .contains("producer:   " + summary.get("producer_metrics_url").asText())
        .doesNotContain("prometheus:");
    assertThat(out.toString()).contains("chart:      " + chart);
    assertThat(javax.imageio.ImageIO.read(chart.toFile()).getWidth())
        .as("a PNG of lag and throughput over the run")
        .isEqualTo(io.lagline.chart.RunChart.WIDTH);
  }

  @Test
  void converges_through_the_ingest_service_which_refuses_the_bad_requests() throws Exception {
    Path json = dir.resolve("http.json");
    StringWriter out = new StringWriter();

    int code =
        DemoMain.execute(
            new String[] {
              "--ingest", "http", "--events", "300", "--admin-port", "0", "--json", json.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));

    assertThat(code).as(out.toString()).isZero();
    JsonNode summary = EventCodec.json().readTree(json.toFile());
    assertThat(summary.get("converged").asBoolean())
        .as("every row as published and no other: no bad request's device version or sync")
        .isTrue();
    JsonNode ingest = summary.get("ingest");
    int bad = HttpWorkload.badCount(300);
    assertThat(ingest.get("accepted").asLong())
        .isEqualTo(300)
        .isEqualTo(summary.get("published").asLong());
    assertThat(ingest.get("rejected").asLong()).isEqualTo(bad).isPositive();
    assertThat(ingest.get("requests").asLong()).isEqualTo(300 + bad);
    assertThat(ingest.get("p99_ms").asDouble())
        .isGreaterThanOrEqualTo(ingest.get("p50_ms").asDouble())
        .isPositive();
    assertThat(summary.get("dead_lettered").asLong())
        .as("the refused requests never reached Pub/Sub, so none is a dead letter")
        .isZero();
    assertThat(
            summary.get("applied").asLong()
                + summary.get("duplicate").asLong()
                + summary.get("stale").asLong())
        .as("the reconciler saw the accepted messages only")
        .isEqualTo(300);
    assertDownstream(summary);
    assertThat(out.toString())
        .contains("through the ingest service (HTTP)")
        .contains(
            "ingest:     "
                + (300 + bad)
                + " HTTP requests: 300 accepted (202), "
                + bad
                + " rejected (400)");
  }

  /**
   * The claim, measured: a consumer of the reconciled stream heard of every event and never
   * found Cassandra behind it; a consumer of the raw topic read too (and may be behind).
   */
  static void assertDownstream(JsonNode summary) {
    JsonNode raw = summary.get("downstream").get("raw");
    JsonNode reconciled = summary.get("downstream").get("reconciled");
    assertThat(reconciled.get("behind").asLong())
        .as("reads after a notification never find Cassandra behind the event")
        .isZero();
    assertThat(reconciled.get("reads").asLong())
        .as("every distinct event notified")
        .isGreaterThanOrEqualTo(summary.get("distinct_events").asLong());
    assertThat(raw.get("reads").asLong()).as("the raw consumer read").isPositive();
    assertThat(raw.get("behind").asLong()).isNotNegative();
  }

  @Test
  void rejects_a_non_positive_event_count() {
    StringWriter err = new StringWriter();

    int code =
        DemoMain.execute(
            new String[] {"--events", "0"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--events must be at least 1");
  }

  @Test
  void rejects_a_chart_that_is_neither_png_nor_svg() {
    StringWriter err = new StringWriter();

    int code =
        DemoMain.execute(
            new String[] {"--chart", "run.jpg"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--chart must name a .png or .svg file, was run.jpg");
  }
}
