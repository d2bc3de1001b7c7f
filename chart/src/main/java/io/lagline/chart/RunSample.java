package io.lagline.chart;

import java.util.Map;

/**
 * What a run looked like at one moment: throughput by outcome over the last sampling interval and
 * the consistency lag of the events finished recently.
 *
 * @param seconds since the run started
 * @param eventsPerSecond events finished per second, by outcome ({@code applied}, {@code stale},
 *     ...)
 * @param lagP50Seconds median consistency lag of the recent events; NaN when none finished
 * @param lagP99Seconds 99th percentile of the same; NaN when none finished
 */
public record RunSample(
    double seconds,
    Map<String, Double> eventsPerSecond,
    double lagP50Seconds,
    double lagP99Seconds) {
  public RunSample {
    eventsPerSecond = Map.copyOf(eventsPerSecond);
  }
}
