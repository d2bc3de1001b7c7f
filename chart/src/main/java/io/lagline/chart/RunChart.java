package io.lagline.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the picture of a run with XChart: consistency lag (p50, p99) on top, events per second by
 * outcome below, over the run's seconds. The format follows the file name: {@code .png} or {@code
 * .svg}. Works headless (no display needed).
 */
public final class RunChart {
  /** Width of the picture in pixels. */
  public static final int WIDTH = 1000;

  /** Height of each of the two charts; the picture is twice as high. */
  public static final int CHART_HEIGHT = 350;

  private RunChart() {}

  /**
   * Writes {@code samples} to {@code file} (its folder is created).
   *
   * @throws IllegalArgumentException when the name ends neither in .png nor in .svg
   */
  public static void write(List<RunSample> samples, String title, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new IllegalArgumentException("chart file must end in .png or .svg, was " + file);
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart lag = lagChart(samples, title);
    XYChart throughput = throughputChart(samples);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      if (name.endsWith(".png")) {
        writePng(lag, throughput, out);
      } else {
        writeSvg(lag, throughput, out);
      }
    }
  }

  private static XYChart lagChart(List<RunSample> samples, String title) {
    XYChart chart = chart(title, "consistency lag (s)");
    line(chart, "lag p50", samples, RunSample::lagP50Seconds);
    line(chart, "lag p99", samples, RunSample::lagP99Seconds);
    return chart;
  }

  private static XYChart throughputChart(List<RunSample> samples) {
    XYChart chart = chart(null, "events/s");
    chart.setXAxisTitle("seconds since the start");
    TreeSet<String> outcomes = new TreeSet<>();
    samples.forEach(s -> outcomes.addAll(s.eventsPerSecond().keySet()));
    for (String outcome : outcomes) {
      line(chart, outcome, samples, s -> s.eventsPerSecond().getOrDefault(outcome, 0.0));
    }
    return chart;
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(CHART_HEIGHT)
            .title(title == null ? "" : title)
            .yAxisTitle(yTitle)
            .build();
    Styler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setToolTipsEnabled(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    return chart;
  }

  /** Adds a line; samples where the value is NaN (nothing finished) are left out. */
  private static void line(
      XYChart chart, String name, List<RunSample> samples, ToDoubleFunction<RunSample> value) {
    List<RunSample> known =
        samples.stream().filter(s -> !Double.isNaN(value.applyAsDouble(s))).toList();
    double[] x = known.stream().mapToDouble(RunSample::seconds).toArray();
    double[] y = known.stream().mapToDouble(value).toArray();
    if (x.length == 0) {
      x = new double[] {0};
      y = new double[] {0};
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE);
  }

  private static void writePng(XYChart top, XYChart bottom, OutputStream out) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, 2 * CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, 2 * CHART_HEIGHT);
      paintBoth(top, bottom, g);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", out);
  }

  private static void writeSvg(XYChart top, XYChart bottom, OutputStream out) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    paintBoth(top, bottom, g);
    Document document =
        new SVGProcessor()
            .getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, 2.0 * CHART_HEIGHT));
    document.writeTo(out);
  }

  private static void paintBoth(XYChart top, XYChart bottom, Graphics2D g) {
    top.paint(g, WIDTH, CHART_HEIGHT);
    g.translate(0, CHART_HEIGHT);
    bottom.paint(g, WIDTH, CHART_HEIGHT);
    g.translate(0, -CHART_HEIGHT);
  }
}
