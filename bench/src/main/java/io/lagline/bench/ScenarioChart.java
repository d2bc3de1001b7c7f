package io.lagline.bench;

import io.lagline.chart.MetricsSampler;
import io.lagline.chart.RunChart;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a reconciler's metrics every second while a scenario runs and, when closed, draws its
 * consistency lag and throughput over time to {@code DIR/charts/ID.png}. A chart that cannot be
 * written is logged, never a reason to fail the run.
 */
final class ScenarioChart implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioChart.class);

  private final MetricsSampler sampler;
  private final Path file;
  private final String title;

  private ScenarioChart(MetricsSampler sampler, Path file, String title) {
    this.sampler = sampler;
    this.file = file;
    this.title = title;
  }

  /** Starts sampling {@code reconciler}; the chart goes to {@code runDir/charts/id.png}. */
  static ScenarioChart start(ReconcilerRun reconciler, Path runDir, String id, String title) {
    return new ScenarioChart(
        MetricsSampler.start(reconciler.metricsUri(), MetricsSampler.DEFAULT_INTERVAL),
        runDir.resolve("charts").resolve(id + ".png"),
        title);
  }

  @Override
  public void close() {
    sampler.close();
    try {
      RunChart.write(sampler.samples(), title, file);
      LOG.info("chart of {} written to {}", title, file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not write the chart of {} to {}: {}", title, file, e.toString());
    }
  }
}
