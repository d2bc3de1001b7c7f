package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.demo.downstream.DownstreamCounts;
import io.lagline.demo.ingest.IngestStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  @Test
  void prints_and_writes_what_each_downstream_consumer_read() {
    DemoSummary summary = summary(0);

    assertThat(summary.toText())
        .contains(
            String.format(
                "converged:  yes (read-back of every row against the expected state)%n"
                    + "downstream raw:        reads 19876, behind 1234%n"
                    + "downstream reconciled: reads 17917, behind 0%n"
                    + "took:"));
    JsonNode downstream = summary.toJson().get("downstream");
    assertThat(downstream.get("raw").get("reads").asLong()).isEqualTo(19876);
    assertThat(downstream.get("raw").get("behind").asLong()).isEqualTo(1234);
    assertThat(downstream.get("reconciled").get("reads").asLong()).isEqualTo(17917);
    assertThat(downstream.get("reconciled").get("behind").asLong()).isZero();
  }

  @Test
  void says_how_many_events_the_reconciled_stream_never_delivered() {
    assertThat(summary(3).toText())
        .contains(
            "downstream reconciled: reads 17917, behind 0 (3 events never notified within the"
                + " timeout)");
  }

  @Test
  void reports_the_ingest_requests_only_when_sent_over_http() {
    DemoSummary http = summary(0, new IngestStats(20200, 20000, 200, 3.1, 28.0));
    DemoSummary library = summary(0);

    assertThat(http.toText())
        .startsWith(
            String.format(
                "ingest:     20200 HTTP requests: 20000 accepted (202), 200 rejected (400);"
                    + " p50 3.1 ms, p99 28.0 ms%npublished:  20000 messages"));
    assertThat(http.toJson().get("ingest").get("rejected").asLong()).isEqualTo(200);
    assertThat(library.toText()).startsWith("published:").doesNotContain("ingest:");
    assertThat(library.toJson().get("ingest").isNull()).isTrue();
  }

  @Test
  void reports_the_events_dead_lettered_as_poison() {
    DemoSummary summary = summary(0);

    assertThat(summary.toText()).contains(String.format("poison:     0 (dead-lettered)%n"));
    assertThat(summary.toJson().get("dead_lettered").asLong()).isZero();
  }

  @Test
  void names_the_ingest_service_endpoint_only_while_one_runs() {
    assertThat(summary(0).toJson().get("ingest_metrics_url").isNull()).isTrue();
    assertThat(summary(0).toText()).doesNotContain("serve:");

    DemoSummary http = summary(0, IngestStats.of(3, 1, new long[] {1_000_000L, 2_000_000L}));
    assertThat(http.toJson().get("ingest_metrics_url").asText())
        .isEqualTo("http://127.0.0.1:40123/metrics");
    assertThat(http.toText())
        .contains(String.format("serve:      http://127.0.0.1:40123/metrics%n"));
  }

  private static DemoSummary summary(long reconciledMissing) {
    return summary(reconciledMissing, null);
  }

  private static DemoSummary summary(long reconciledMissing, IngestStats ingest) {
    return new DemoSummary(
        20000,
        17920,
        5547,
        381,
        14072,
        0,
        0,
        34792.0,
        59495.8,
        true,
        List.of(),
        ingest,
        new DownstreamCounts(19876, 1234),
        new DownstreamCounts(17917, 0),
        reconciledMissing,
        "http://127.0.0.1:9464/metrics",
        "http://127.0.0.1:37281/metrics",
        ingest == null ? null : "http://127.0.0.1:40123/metrics",
        null,
        59.5);
  }
}
