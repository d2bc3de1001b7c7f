package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.demo.downstream.DownstreamCounts;
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

  private static DemoSummary summary(long reconciledMissing) {
    return new DemoSummary(
        20000,
        17920,
        5547,
        381,
        14072,
        0,
        34792.0,
        59495.8,
        true,
        List.of(),
        new DownstreamCounts(19876, 1234),
        new DownstreamCounts(17917, 0),
        reconciledMissing,
        "http://127.0.0.1:9464/metrics",
        "http://127.0.0.1:37281/metrics",
        null,
        59.5);
  }
}
