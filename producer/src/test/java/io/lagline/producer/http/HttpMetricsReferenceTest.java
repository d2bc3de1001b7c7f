package io.lagline.producer.http;

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
 * The serve section of producer/README.md lists exactly the {@code lagline_producer_http_*} and
 * {@code lagline_producer_serve_*} names {@link HttpMetrics} and {@link PubSubStatus} export, each
 * described, every route and status class at 0 from the start.
 */
class HttpMetricsReferenceTest {
  private static final Pattern NAME =
      Pattern.compile("`(lagline_producer_(?:http|serve)_[a-z0-9_]+)`");

  @Test
  void the_readme_lists_exactly_the_names_exported_from_the_start() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new HttpMetrics().bindTo(registry);
    new PubSubStatus().bindTo(registry);
    String scrape = registry.scrape();
    Set<String> exported = new TreeSet<>();
    for (Family family : PrometheusText.parse(scrape).families().values()) {
      if (family.name().matches("lagline_producer_(http|serve)_.*")
          && !family.name().endsWith("_max")) {
        exported.add(family.name());
        assertThat(family.help()).as(family.name()).isNotBlank();
      }
    }
    Set<String> documented = new TreeSet<>();
    Matcher matcher = NAME.matcher(Files.readString(Path.of("README.md")));
    while (matcher.find()) {
      documented.add(matcher.group(1));
    }

    assertThat(documented).isEqualTo(exported);
    for (HttpMetrics.Route route : HttpMetrics.Route.values()) {
      for (String status : new String[] {"2xx", "4xx", "5xx"}) {
        assertThat(scrape)
            .contains(
                "lagline_producer_http_requests_seconds_count{route=\""
                    + route.tag()
                    + "\",status=\""
                    + status
                    + "\"} 0");
      }
    }
  }
}
