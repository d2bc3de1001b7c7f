package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
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
  void on_a_slow_link_the_adaptive_limit_reaches_hundreds_of_writes_in_flight_within_a_minute() {
    Limit limit = WriteLimits.of(ADAPTIVE);

    feedFor(limit, TimeUnit.SECONDS.toNanos(60), TimeUnit.MILLISECONDS.toNanos(400));

    assertThat(limit.getLimit()).isGreaterThanOrEqualTo(256);
  }

  @Test
  void the_adaptive_limit_falls_when_latency_climbs_and_never_below_the_floor() {
    Limit limit = WriteLimits.of(ADAPTIVE);
    feed(limit, 3000, TimeUnit.MILLISECONDS.toNanos(5));
    int before = limit.getLimit();

    feed(limit, 2000, TimeUnit.MILLISECONDS.toNanos(200));

    assertThat(limit.getLimit()).isLessThan(before).isGreaterThanOrEqualTo(8);
  }

  @Test
  void only_timeouts_and_overload_answers_speak_of_load_and_unreachable_nodes_are_not_sampled() {
    assertThat(WriteLimits.signal(new DriverTimeoutException("timed out")))
        .isEqualTo(WriteLimiter.Signal.OVERLOAD);
    assertThat(WriteLimits.signal(new OverloadedException(null)))
        .isEqualTo(WriteLimiter.Signal.OVERLOAD);
    assertThat(
            WriteLimits.signal(
                new CASWriteUnknownException(null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2)))
        .isEqualTo(WriteLimiter.Signal.OVERLOAD);
    assertThat(WriteLimits.signal(new NoNodeAvailableException()))
        .isEqualTo(WriteLimiter.Signal.NONE);
    assertThat(WriteLimits.signal(new ClosedConnectionException("reset")))
        .isEqualTo(WriteLimiter.Signal.NONE);
    assertThat(WriteLimits.signal(new InvalidQueryException(null, "bad value")))
        .isEqualTo(WriteLimiter.Signal.NONE);
  }

  @Test
  void fast_failures_fed_as_latency_would_cut_the_limit_after_an_outage_which_is_why_none_are() {
    Limit sampledFailures = WriteLimits.of(ADAPTIVE);
    long slowLink = TimeUnit.MILLISECONDS.toNanos(400);
    feedFor(sampledFailures, TimeUnit.SECONDS.toNanos(20), slowLink);
    int beforeOutage = sampledFailures.getLimit();
    // an outage: thousands of writes refused within a millisecond
    feed(sampledFailures, 5000, TimeUnit.MILLISECONDS.toNanos(1));
    feedFor(sampledFailures, TimeUnit.SECONDS.toNanos(20), slowLink);

    assertThat(sampledFailures.getLimit())
        .as("had the failures been samples")
        .isLessThan(beforeOutage / 2);
  }

  /**
   * Writes of {@code rttNanos} each, as many in flight as the limit allows, finishing at the rate
   * that makes (limit / latency), for {@code nanos} of simulated time.
   */
  private void feedFor(Limit limit, long nanos, long rttNanos) {
    long end = clock + nanos;
    while (clock < end) {
      clock += rttNanos / limit.getLimit();
      limit.onSample(clock - rttNanos, rttNanos, limit.getLimit(), false);
    }
  }

  /** Finished writes, one per millisecond, each using the whole limit. */
  private void feed(Limit limit, int samples, long rttNanos) {
    for (int i = 0; i < samples; i++) {
      clock += TimeUnit.MILLISECONDS.toNanos(1);
      limit.onSample(clock, rttNanos, limit.getLimit(), false);
    }
  }
}
