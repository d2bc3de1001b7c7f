package io.lagline.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChartTest {
  @TempDir Path dir;

  @Test
  void writes_a_png_of_the_expected_size() throws Exception {
    Path file = dir.resolve("charts/run.png");

    RunChart.write(samples(), "demo: 20000 events", file);

    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(RunChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * RunChart.CHART_HEIGHT);
  }

  @Test
  void writes_an_svg_with_both_charts() throws Exception {
    Path file = dir.resolve("run.svg");

    RunChart.write(samples(), "demo", file);

    String svg = Files.readString(file);
    // text is drawn as outlines, so only the picture's frame is checked here
    assertThat(svg)
        .contains("<svg")
        .contains("viewBox=\"0 0 " + RunChart.WIDTH + " " + 2 * RunChart.CHART_HEIGHT + "\"")
        .contains("<path");
  }

  @Test
  void draws_an_empty_run_and_leaves_out_seconds_without_lag() throws Exception {
    Path file = dir.resolve("empty.png");
    List<RunSample> samples = List.of(new RunSample(1, Map.of(), Double.NaN, Double.NaN));

    RunChart.write(samples, "nothing happened", file);

    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(RunChart.WIDTH);
  }

  @Test
  void refuses_other_formats() {
    assertThatThrownBy(() -> RunChart.write(samples(), "x", dir.resolve("run.jpg")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".png or .svg");
  }

  private static List<RunSample> samples() {
    List<RunSample> samples = new ArrayList<>();
    for (int s = 1; s <= 60; s++) {
      double backlog = Math.max(0, 30 - s) / 30.0;
      samples.add(
          new RunSample(
              s,
              Map.of("applied", 100.0 + s, "stale", 250.0 * backlog, "duplicate", 12.0),
              0.2 + 10 * backlog,
              1 + 25 * backlog));
    }
    return samples;
  }
}
