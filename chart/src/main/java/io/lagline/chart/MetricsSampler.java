package io.lagline.chart;

import io.lagline.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a reconciler's {@code /metrics} at a fixed interval during a run and turns consecutive
 * scrapes into {@link RunSample}s: events per second by outcome from the counter deltas, and lag
 * percentiles from the histogram's bucket deltas over the last {@value #LAG_WINDOW} samples (the
 * events finished in those seconds), the way a Grafana panel computes them. A counter that went
 * down (the reconciler restarted) counts from zero again.
 */
public final class MetricsSampler implements AutoCloseable {
  /** The default sampling interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  /** Lag percentiles cover the events finished over this many sampling intervals. */
  static final int LAG_WINDOW = 5;

  static final String EVENTS = "lagline_reconciler_events_total";
  static final String LAG_BUCKETS = "lagline_reconciler_consistency_lag_seconds_bucket";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsSampler.class);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);

  private final List<RunSample> samples = new ArrayList<>();
  private final Deque<Scrape> recent = new ArrayDeque<>();
  private ScheduledExecutorService scheduler;

  private record Scrape(double seconds, Map<String, Double> events, Map<String, Double> lag) {}

  MetricsSampler() {}

  /**
   * Starts sampling {@code metricsUrl} every {@code interval} on a daemon thread; a scrape that
   * fails (the endpoint is restarting) is skipped.
   */
  public static MetricsSampler start(URI metricsUrl, Duration interval) {
    MetricsSampler sampler = new MetricsSampler();
    HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(metricsUrl).timeout(HTTP_TIMEOUT).build();
    long start = System.nanoTime();
    sampler.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "lagline-metrics-sampler");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduler.scheduleAtFixedRate(
        () -> {
          try {
            String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            sampler.record((System.nanoTime() - start) / 1e9, text);
          } catch (IOException | IllegalArgumentException e) {
            // not answering (restarting), or not a Prometheus page: skip this sample
            LOG.debug("scrape of {} failed: {}", metricsUrl, e.toString());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** Adds one scrape taken {@code seconds} after the start. */
  synchronized void record(double seconds, String metricsText) {
    PrometheusText page = PrometheusText.parse(metricsText);
    Scrape scrape =
        new Scrape(seconds, page.sumBy(EVENTS, "outcome"), page.sumBy(LAG_BUCKETS, "le"));
    Scrape previous = recent.peekLast();
    if (previous != null && seconds > previous.seconds()) {
      double elapsed = seconds - previous.seconds();
      Map<String, Double> rates = new HashMap<>();
      delta(scrape.events(), previous.events()).forEach((k, v) -> rates.put(k, v / elapsed));
      TreeMap<Double, Double> lag = new TreeMap<>();
      delta(scrape.lag(), recent.peekFirst().lag())
          .forEach((le, count) -> lag.put(bound(le), count));
      samples.add(new RunSample(seconds, rates, Quantiles.of(lag, 0.50), Quantiles.of(lag, 0.99)));
    }
    recent.addLast(scrape);
    while (recent.size() > LAG_WINDOW + 1) {
      recent.removeFirst();
    }
  }

  /** The samples so far, oldest first. */
  public synchronized List<RunSample> samples() {
    return List.copyOf(samples);
  }

  /** Stops sampling; the samples stay readable. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private static Map<String, Double> delta(Map<String, Double> now, Map<String, Double> before) {
    Map<String, Double> delta = new HashMap<>();
    now.forEach(
        (key, value) -> {
          double old = before.getOrDefault(key, 0.0);
          delta.put(key, value >= old ? value - old : value);
        });
    return delta;
  }

  private static double bound(String le) {
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }
}
