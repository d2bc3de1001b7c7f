package io.lagline.reconciler.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.FakeClock;
import io.lagline.reconciler.config.WatermarkConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatermarksTest {
  private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

  private final FakeClock clock = new FakeClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WatermarkMetrics metrics = new WatermarkMetrics(registry);
  private final Watermarks watermarks =
      new Watermarks(clock, new WatermarkConfig(3, Duration.ofMinutes(15)), metrics);

  @Test
  void the_lag_is_small_while_heartbeats_arrive_and_grows_while_none_does() {
    watermarks.durable("p1", T0.minusMillis(300));
    assertThat(gauge("p1")).isEqualTo(0.3);

    clock.advance(Duration.ofSeconds(10));
    watermarks.durable("p1", T0.plusSeconds(10).minusMillis(200));
    assertThat(gauge("p1")).isEqualTo(0.2);

    clock.advance(Duration.ofSeconds(90)); // nothing applied for 90 s
    assertThat(gauge("p1")).isEqualTo(90.2);
  }

  @Test
  void a_late_older_heartbeat_does_not_move_the_watermark_back() {
    watermarks.durable("p1", T0);
    watermarks.durable("p1", T0.minusSeconds(30));

    assertThat(watermarks.lag("p1")).contains(Duration.ZERO);
  }

  @Test
  void a_publish_time_ahead_of_the_clock_reads_as_zero_lag() {
    watermarks.durable("p1", T0.plusSeconds(2));

    assertThat(gauge("p1")).isZero();
  }

  @Test
  void beyond_the_cap_the_producer_heard_from_longest_ago_is_dropped_with_its_gauge() {
    watermarks.durable("old", T0.minusSeconds(60));
    watermarks.durable("p2", T0.minusSeconds(10));
    watermarks.durable("p3", T0.minusSeconds(5));

    watermarks.durable("p4", T0);

    assertThat(watermarks.size()).isEqualTo(3);
    assertThat(watermarks.lag("old")).isEmpty();
    assertThat(registry.find("lagline.reconciler.watermark.lag").gauges())
        .extracting(g -> g.getId().getTag("producer"))
        .containsExactlyInAnyOrder("p2", "p3", "p4");
  }

  @Test
  void a_producer_silent_while_others_send_is_forgotten_after_forget_after() {
    watermarks.durable("gone", T0);
    watermarks.durable("alive", T0);

    clock.advance(Duration.ofMinutes(16));
    watermarks.durable("alive", clock.instant());

    assertThat(watermarks.lag("gone")).isEmpty();
    assertThat(registry.find("lagline.reconciler.watermark.lag").tag("producer", "gone").gauge())
        .isNull();
  }

  @Test
  void a_reconciler_that_applies_nothing_forgets_nobody() {
    watermarks.durable("p1", T0);
    watermarks.durable("p2", T0);

    clock.advance(Duration.ofHours(2));

    assertThat(watermarks.size()).isEqualTo(2);
    assertThat(gauge("p1")).isEqualTo(7200.0);
  }

  private double gauge(String producer) {
    Gauge gauge =
        registry.get("lagline.reconciler.watermark.lag").tag("producer", producer).gauge();
    assertThat(gauge.getId().getBaseUnit()).isEqualTo("seconds");
    return gauge.value();
  }
}
