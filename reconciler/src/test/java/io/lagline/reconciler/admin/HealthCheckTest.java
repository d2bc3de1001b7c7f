package io.lagline.reconciler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  @Test
  void a_failing_check_is_reported_by_name_and_why_when_known() {
    assertThat(HealthCheck.of("cassandra", () -> true).failure()).isEmpty();
    assertThat(HealthCheck.of("cassandra", () -> false).failure()).contains("cassandra");
    assertThat(new HealthCheck("stream_not_erroring", () -> Optional.of("UNAVAILABLE")).failure())
        .contains("stream_not_erroring (UNAVAILABLE)");
    assertThat(new HealthCheck("progressing", Optional::empty).healthy()).isTrue();
  }
}
