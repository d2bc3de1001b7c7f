package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntakeMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IntakeMetrics metrics = new IntakeMetrics(registry);

  @Test
  void every_grpc_code_but_ok_exists_at_zero_from_the_start() {
    assertThat(registry.find("lagline.reconciler.stream.errors").counters())
        .hasSize(Status.Code.values().length - 1)
        .allSatisfy(
            counter -> {
              assertThat(counter.count()).isZero();
              assertThat(counter.getId().getDescription()).isNotBlank();
              assertThat(counter.getId().getBaseUnit()).isEqualTo("errors");
            })
        .extracting(c -> c.getId().getTag("code"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Status.Code.values())
                .filter(c -> c != Status.Code.OK)
                .map(Enum::name)
                .toList());
  }

  @Test
  void counts_each_error_under_its_code_and_ignores_ok() {
    metrics.streamError(Status.Code.RESOURCE_EXHAUSTED);
    metrics.streamError(Status.Code.RESOURCE_EXHAUSTED);
    metrics.streamError(Status.Code.OK);

    assertThat(metrics.streamErrors(Status.Code.RESOURCE_EXHAUSTED)).isEqualTo(2);
    assertThat(
            registry.find("lagline.reconciler.stream.errors").counters().stream()
                .mapToDouble(Counter::count)
                .sum())
        .isEqualTo(2);
  }

  @Test
  void the_stall_gauge_reads_zero_until_its_source_is_set() {
    assertThat(registry.get("lagline.reconciler.stalled.for").gauge().value()).isZero();

    metrics.stalledFor(() -> 42);

    assertThat(registry.get("lagline.reconciler.stalled.for").gauge().value()).isEqualTo(42);
  }
}
