package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limit;
import io.lagline.reconciler.config.WriteConcurrency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteLimitsTest {
  private static final WriteConcurrency ADAPTIVE =
      new WriteConcurrency(WriteConcurrency.Mode.ADAPTIVE, 8, 512);

  private long clock;

  @Test
  void a_fixed_limit_is_the_configured_maximum_whatever_the_latency() {
    Limit limit = WriteLimits.of(new WriteConcurrency(WriteConcurrency.Mode.FIXED, 8, 100));
    feed(limit, 1000, TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(limit.getLimit()).isEqualTo(100);
  }

  @Test
  void the_adaptive_limit_grows_while_latency_holds_steady_and_the_writes_use_it() {
    Limit limit = WriteLimits.of(ADAPTIVE);
    assertThat(limit.getLimit()).isEqualTo(64);

    feed(limit, 10_000, TimeUnit.MILLISECONDS.toNanos(5));

    assertThat(limit.getLimit()).isGreaterThan(128).isLessThanOrEqualTo(512);
  }

  @Test
  void the_adaptive_limit_falls_when_latency_climbs_and_never_below_the_floor() {
    Limit limit = WriteLimits.of(ADAPTIVE);
    feed(limit, 3000, TimeUnit.MILLISECONDS.toNanos(5));
    int before = limit.getLimit();

    feed(limit, 2000, TimeUnit.MILLISECONDS.toNanos(200));

    assertThat(limit.getLimit()).isLessThan(before).isGreaterThanOrEqualTo(8);
  }

  /** Finished writes, one per millisecond, each using the whole limit. */
  private void feed(Limit limit, int samples, long rttNanos) {
    for (int i = 0; i < samples; i++) {
      clock += TimeUnit.MILLISECONDS.toNanos(1);
      limit.onSample(clock, rttNanos, limit.getLimit(), false);
    }
  }
}
