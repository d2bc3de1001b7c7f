package io.lagline.reconciler.watermark;

import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.config.WatermarkConfig;
import io.micrometer.core.instrument.Meter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watermark of each producer: the Pub/Sub publish time of the newest heartbeat the reconciler
 * has made durable. Its gauge ({@code lagline_reconciler_watermark_lag_seconds{producer}}) reads
 * now minus that time at every scrape, so it stays small while heartbeats flow and grows while none
 * is applied: a stalled or disconnected reconciler shows up even when no other event flows.
 *
 * <p>The {@code producer} tag is bounded: at most {@code watermark.max-producers} are tracked (a
 * new one evicts the one heard from longest ago), and a producer is forgotten once another
 * producer's watermark is more than {@code watermark.forget-after} newer than its own, which is how
 * restarted producers (a new id each) leave. A reconciler that applies nothing at all forgets
 * nobody, so its gauges keep growing.
 */
public final class Watermarks {
  private static final Logger LOG = LoggerFactory.getLogger(Watermarks.class);

  private final Clock clock;
  private final WatermarkConfig config;
  private final WatermarkMetrics metrics;
  private final Map<String, Tracked> producers = new HashMap<>();

  private record Tracked(Instant publishTime, Meter gauge) {}

  /**
   * @param clock "now" of the lag
   * @param config how many producers are tracked and when one is forgotten
   * @param metrics registers one gauge per producer
   */
  public Watermarks(Clock clock, WatermarkConfig config, WatermarkMetrics metrics) {
    this.clock = clock;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * Records that a heartbeat of {@code producer}, published at {@code publishTime}, is durable in
   * Cassandra. An older heartbeat delivered late does not move the watermark back.
   */
  public synchronized void durable(String producer, Instant publishTime) {
    Tracked known = producers.get(producer);
    if (known != null) {
      if (publishTime.isAfter(known.publishTime())) {
        producers.put(producer, new Tracked(publishTime, known.gauge()));
      }
    } else {
      if (producers.size() >= config.maxProducers()) {
        evictOldest();
      }
      Meter gauge = metrics.watermarkLag(producer, () -> lagSeconds(producer));
      producers.put(producer, new Tracked(publishTime, gauge));
      LOG.info("watermark of producer {} tracked ({} producers)", producer, producers.size());
    }
    forgetSilent();
  }

  /** Now minus the producer's watermark, never negative; NaN when it is not tracked. */
  public synchronized double lagSeconds(String producer) {
    return lag(producer).map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  /** Now minus the producer's watermark, never negative; empty when it is not tracked. */
  public synchronized Optional<Duration> lag(String producer) {
    Tracked tracked = producers.get(producer);
    if (tracked == null) {
      return Optional.empty();
    }
    Duration lag = Duration.between(tracked.publishTime(), clock.instant());
    return Optional.of(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** How many producers are tracked. */
  public synchronized int size() {
    return producers.size();
  }

  private void evictOldest() {
    producers.entrySet().stream()
        .min(Comparator.comparing(e -> e.getValue().publishTime()))
        .map(Map.Entry::getKey)
        .ifPresent(
            oldest -> {
              LOG.warn(
                  "more than {} producers send heartbeats ({}): no longer tracking {}, heard"
                      + " from longest ago",
                  config.maxProducers(),
                  ReconcilerKey.WATERMARK_MAX_PRODUCERS.path(),
                  oldest);
              forget(oldest);
            });
  }

  private void forgetSilent() {
    Instant newest =
        producers.values().stream().map(Tracked::publishTime).max(Comparator.naturalOrder()).get();
    Instant cutoff = newest.minus(config.forgetAfter());
    producers.entrySet().stream()
        .filter(e -> e.getValue().publishTime().isBefore(cutoff))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(
            silent -> {
              LOG.info(
                  "producer {} sent no heartbeat for over {} while others did ({}): forgotten",
                  silent,
                  config.forgetAfter(),
                  ReconcilerKey.WATERMARK_FORGET_AFTER.path());
              forget(silent);
            });
  }

  private void forget(String producer) {
    Tracked tracked = producers.remove(producer);
    if (tracked != null) {
      metrics.remove(tracked.gauge());
    }
  }
}
