package io.lagline.reconciler.apply;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import io.lagline.reconciler.config.WriteConcurrency;
import java.util.concurrent.TimeUnit;

/** Builds the write limit the configuration asks for. */
final class WriteLimits {
  private WriteLimits() {}

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
            // backing off, and keep a queue allowance that grows with the limit
            .rttTolerance(1.5)
            .queueSizeFunction(limit -> Math.max(4, (int) Math.sqrt(limit)))
            .build();
    return WindowedLimit.newBuilder()
        .minWindowTime(100, TimeUnit.MILLISECONDS)
        .maxWindowTime(1, TimeUnit.SECONDS)
        .windowSize(20)
        .build(gradient);
  }
}
