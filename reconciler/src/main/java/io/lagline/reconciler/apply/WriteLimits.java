package io.lagline.reconciler.apply;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import io.lagline.reconciler.config.WriteConcurrency;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Builds the write limit the configuration asks for. */
final class WriteLimits {
  /** The classifier's reasons for a write the node was too busy to finish in time, or refused. */
  private static final Set<String> OVERLOAD_REASONS =
      Set.of("write_timeout", "cas_unknown", "client_timeout", "read_timeout", "overloaded");

  private WriteLimits() {}

  /** What a failed write tells the limit: only timeouts and overload answers speak of load. */
  static WriteLimiter.Signal signal(Throwable failure) {
    return OVERLOAD_REASONS.contains(ErrorClassifier.classify(failure).reason())
        ? WriteLimiter.Signal.OVERLOAD
        : WriteLimiter.Signal.NONE;
  }

  /**
   * A fixed limit of {@code max}, or an adaptive one: a gradient limit (it compares the short-term
   * latency with its long-term average and grows while they agree) over windows of finished writes,
   * between {@code min} and {@code max}, starting at {@link WriteConcurrency#initial()}.
   */
  static Limit of(WriteConcurrency concurrency) {
    if (concurrency.mode() == WriteConcurrency.Mode.FIXED) {
      return FixedLimit.of(concurrency.max());
    }
    Gradient2Limit gradient =
        Gradient2Limit.newBuilder()
            .initialLimit(concurrency.initial())
            .minLimit(concurrency.min())
            .maxConcurrency(concurrency.max())
            // LWT latency on a busy node is noisy; tolerate 50% over the long-term average before
            // backing off. The queue allowance is what the limit may grow by per window while
            // latency holds: proportional to the limit, so growth is multiplicative (a window
            // lasts two round trips, and at 400 ms a fixed step would take minutes to reach the
            // hundreds of writes in flight such a link needs)
            .rttTolerance(1.5)
            .queueSizeFunction(limit -> Math.max(4, limit / 8))
            .build();
    return WindowedLimit.newBuilder()
        .minWindowTime(100, TimeUnit.MILLISECONDS)
        .maxWindowTime(1, TimeUnit.SECONDS)
        .windowSize(20)
        .build(gradient);
  }
}
