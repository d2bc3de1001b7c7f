package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.metrics.PrometheusText;
import io.lagline.metrics.PrometheusText.Family;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics tables of the README and of producer/README.md list exactly the {@code
 * lagline_producer_*} names {@link PublishMetrics} exports, each with a description, and each is
 * exported before anything is published.
 */
class PublishMetricsReferenceTest {
  private static final Pattern ROW = Pattern.compile("`(lagline_producer_[a-z0-9_]+)`");

  @Test
  void the_readmes_list_exactly_the_names_exported_from_the_start_each_with_a_description()
      throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new PublishMetrics().bindTo(registry);
    Set<String> exported = new TreeSet<>();
    Set<String> described = new TreeSet<>();
    Set<String> histograms = new TreeSet<>();
    for (Family family : PrometheusText.parse(registry.scrape()).families().values()) {
      if (family.name().startsWith("lagline_producer_")) {
        exported.add(family.name());
        if (family.type().equals("histogram")) {
          histograms.add(family.name());
        }
        if (!family.help().isBlank()) {
          described.add(family.name());
        }
      }
    }
    exported.removeIf(n -> n.endsWith("_max") && histograms.contains(n.replaceAll("_max$", "")));

    assertThat(described).containsAll(exported);
    assertThat(documented(Path.of("..", "README.md"), "## Metrics and health")).isEqualTo(exported);
    assertThat(documented(Path.of("README.md"), "## Metrics")).isEqualTo(exported);
  }

  private static Set<String> documented(Path readme, String heading) throws IOException {
    String text = Files.readString(readme);
    int start = text.indexOf(heading);
    int end = text.indexOf("\n## ", start + 1);
    Set<String> names = new TreeSet<>();
    for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      Matcher row = ROW.matcher(line);
      while (row.find()) {
        names.add(row.group(1));
      }
    }
    return names;
  }
}
