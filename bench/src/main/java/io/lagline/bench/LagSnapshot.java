package io.lagline.bench;

import io.lagline.demo.LagPercentiles;
import io.lagline.metrics.PrometheusText;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reconciler's consistency-lag histogram ({@value #METRIC}), or with notifications on its
 * visible-lag histogram ({@value #VISIBLE_METRIC}: publish time to the notification confirmed),
 * read from its {@code /metrics} at one moment. The lag of a scenario is the difference of two
 * snapshots, and its percentiles are interpolated within the histogram's buckets as Prometheus'
 * {@code histogram_quantile} does; the max is Micrometer's decaying max (the largest lag of the
 * last two minutes or so).
 *
 * @param buckets upper bound in ms to observations at or below it
 * @param count observations
 * @param maxMs the exported max in ms
 */
record LagSnapshot(TreeMap<Double, Double> buckets, double count, double maxMs) {
  static final String METRIC = "lagline_reconciler_consistency_lag_seconds";
  static final String VISIBLE_METRIC = "lagline_reconciler_visible_lag_seconds";
  static final LagSnapshot EMPTY = new LagSnapshot(new TreeMap<>(), 0, Double.NaN);

  static LagSnapshot parse(String metrics) {
    return parse(metrics, METRIC);
  }

  /** The lag a reader of the stream sees: visible lag with notifications on, else consistency. */
  static LagSnapshot parse(String metrics, boolean notifications) {
    return parse(PrometheusText.parse(metrics), notifications);
  }

  /** As {@link #parse(String, boolean)}, from a page already parsed. */
  static LagSnapshot parse(PrometheusText page, boolean notifications) {
    return parse(page, notifications ? VISIBLE_METRIC : METRIC);
  }

  /** The histogram {@code metric} (in seconds), summed over its labels. */
  static LagSnapshot parse(String metrics, String metric) {
    return parse(PrometheusText.parse(metrics), metric);
  }

  /** The histogram {@code metric} (in seconds) of a parsed page, summed over its labels. */
  static LagSnapshot parse(PrometheusText page, String metric) {
    TreeMap<Double, Double> ms = new TreeMap<>();
    for (Map.Entry<Double, Double> e : page.buckets(metric).entrySet()) {
      ms.put(e.getKey() * 1000, e.getValue());
    }
    double max =
        page.samples(metric + "_max").isEmpty() ? Double.NaN : page.max(metric + "_max") * 1000;
    return new LagSnapshot(ms, page.sum(metric + "_count"), max);
  }

  /**
   * What was observed after {@code earlier}. Its max is this snapshot's decaying max, or the upper
   * bound of the highest bucket the difference has observations in when that is lower (the decaying
   * max may still hold a larger lag from before {@code earlier}).
   */
  LagSnapshot minus(LagSnapshot earlier) {
    TreeMap<Double, Double> delta = new TreeMap<>();
    buckets.forEach((bound, n) -> delta.put(bound, n - earlier.buckets.getOrDefault(bound, 0.0)));
    double observed = count - earlier.count;
    double bound = Double.POSITIVE_INFINITY;
    if (!delta.isEmpty() && delta.lastEntry().getValue() >= observed) {
      bound =
          delta.entrySet().stream()
              .filter(e -> e.getValue() >= observed)
              .mapToDouble(Map.Entry::getKey)
              .min()
              .orElse(Double.POSITIVE_INFINITY);
    }
    return new LagSnapshot(delta, observed, Double.isNaN(maxMs) ? bound : Math.min(maxMs, bound));
  }

  /** The {@code q}-quantile in ms; NaN when nothing was observed. */
  double quantileMs(double q) {
    return count <= 0 ? Double.NaN : LagPercentiles.interpolate(buckets, count, q);
  }
}
