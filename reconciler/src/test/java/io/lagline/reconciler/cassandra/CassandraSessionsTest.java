package io.lagline.reconciler.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.metrics.DefaultNodeMetric;
import com.datastax.oss.driver.api.core.metrics.DefaultSessionMetric;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CassandraSessionsTest {
  @Test
  void exports_no_throttling_metric_as_no_driver_throttler_is_configured() {
    assertThat(CassandraSessions.SESSION_METRICS).noneMatch(name -> name.startsWith("throttling"));
    assertThat(CassandraSessions.NODE_METRICS).noneMatch(name -> name.startsWith("throttling"));
  }

  @Test
  void every_enabled_metric_is_one_the_driver_knows() {
    assertThat(CassandraSessions.SESSION_METRICS)
        .isSubsetOf(Arrays.stream(DefaultSessionMetric.values()).map(m -> m.getPath()).toList());
    assertThat(CassandraSessions.NODE_METRICS)
        .isSubsetOf(Arrays.stream(DefaultNodeMetric.values()).map(m -> m.getPath()).toList());
  }
}
