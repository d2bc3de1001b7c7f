package io.lagline.demo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IngestStatsTest {
  private static final long MS = 1_000_000;

  @Test
  void takes_percentiles_by_nearest_rank_whatever_the_order_of_the_latencies() {
    long[] latencies = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * MS).toArray();

    IngestStats stats = IngestStats.of(97, 3, latencies);

    assertThat(stats.requests()).isEqualTo(100);
    assertThat(stats.accepted()).isEqualTo(97);
    assertThat(stats.rejected()).isEqualTo(3);
    assertThat(stats.p50Ms()).isEqualTo(50.0);
    assertThat(stats.p99Ms()).isEqualTo(99.0);
  }

  @Test
  void the_percentiles_of_one_request_are_its_latency_and_of_none_zero() {
    assertThat(IngestStats.percentileMs(new long[] {2_500_000}, 0.99)).isEqualTo(2.5);
    assertThat(IngestStats.percentileMs(new long[] {2_500_000}, 0.50)).isEqualTo(2.5);
    assertThat(IngestStats.percentileMs(new long[0], 0.99)).isZero();
  }

  @Test
  void writes_the_ingest_object_and_line_of_the_summary() {
    IngestStats stats = new IngestStats(20200, 20000, 200, 3.14, 27.96);

    JsonNode json = stats.toJson();

    assertThat(json.get("requests").asLong()).isEqualTo(20200);
    assertThat(json.get("accepted").asLong()).isEqualTo(20000);
    assertThat(json.get("rejected").asLong()).isEqualTo(200);
    assertThat(json.get("p50_ms").asDouble()).isEqualTo(3.1);
    assertThat(json.get("p99_ms").asDouble()).isEqualTo(28.0);
    assertThat(stats.toText())
        .isEqualTo(
            String.format(
                "ingest:     20200 HTTP requests: 20000 accepted (202), 200 rejected (400);"
                    + " p50 3.1 ms, p99 28.0 ms%n"));
  }
}
