package io.lagline.reconciler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.metrics.PrometheusText;
import io.lagline.metrics.PrometheusText.Family;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.config.WatermarkConfig;
import io.lagline.reconciler.watermark.Watermarks;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's metrics reference lists exactly the {@code lagline_reconciler_*} names the
 * reconciler exports, each with a description, and all of them but the watermark lag are exported
 * from start-up; the dashboard and alert rules use these names.
 */
class MetricsReferenceTest {
  private static final String PREFIX = "lagline_reconciler_";
  private static final String WATERMARK_LAG = "lagline_reconciler_watermark_lag_seconds";
  private static final Pattern ROW = Pattern.compile("^\\| `(lagline_[a-z0-9_]+)`");

  @Test
  void the_readme_table_lists_exactly_the_exported_names_each_with_a_description()
      throws IOException {
    ReconcilerMetrics metrics = ReconcilerMetrics.register(TestMappings.DEVICES.withHeartbeat());
    new Watermarks(
            Clock.systemUTC(),
            new WatermarkConfig(10, Duration.ofMinutes(15)),
            metrics.watermarks())
        .durable("producer-1", Instant.now());
    Map<String, String> exported = exported(metrics.registry());

    assertThat(exported).allSatisfy((name, help) -> assertThat(help).as(name).isNotBlank());
    assertThat(documented(PREFIX)).isEqualTo(new TreeSet<>(exported.keySet()));
  }

  @Test
  void a_fresh_reconciler_exports_every_documented_name_but_the_watermark_lag() throws IOException {
    Set<String> documented = documented(PREFIX);
    documented.remove(WATERMARK_LAG);

    assertThat(
            exported(ReconcilerMetrics.register(TestMappings.DEVICES.withHeartbeat()).registry())
                .keySet())
        .isEqualTo(documented);
  }

  /** Family name to description, of the {@code lagline_reconciler_*} families in a scrape. */
  static Map<String, String> exported(PrometheusMeterRegistry registry) {
    Map<String, Family> all = PrometheusText.parse(registry.scrape()).families();
    Map<String, String> families = new TreeMap<>();
    all.forEach(
        (name, family) -> {
          Family timer = all.get(name.replaceAll("_max$", ""));
          boolean timerMax =
              name.endsWith("_max") && timer != null && timer.type().equals("histogram");
          if (name.startsWith(PREFIX) && !timerMax) {
            families.put(name, family.help());
          }
        });
    return families;
  }

  /** The names in the README's metrics table that start with {@code prefix}. */
  static Set<String> documented(String prefix) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("## Metrics and health");
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
    Set<String> names = new TreeSet<>();
    for (String line : section.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.find() && row.group(1).startsWith(prefix)) {
        names.add(row.group(1));
      }
    }
    return names;
  }
}
