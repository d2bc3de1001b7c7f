package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.metrics.PrometheusText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of a rebuild's meters lists exactly what a rebuild exports. */
class RebuildMetricsTest {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `(lagline_rebuild_[a-z_]+)`");

  @Test
  void the_readme_lists_exactly_the_rebuild_meters_and_they_read_the_progress() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Instant since = Instant.parse("2026-12-01T10:00:00Z");
    RebuildProgress progress = new RebuildProgress(since, since.plusSeconds(100), System::nanoTime);
    progress.received("m1", since.plusSeconds(40));
    progress.settled("m1");
    progress.beyondUntil();
    RebuildMetrics.register(registry, progress, new AtomicLong(2));

    PrometheusText scrape = PrometheusText.parse(registry.scrape());
    Set<String> exported = new TreeSet<>();
    scrape.families().keySet().stream()
        .filter(name -> name.startsWith("lagline_rebuild_"))
        .forEach(exported::add);
    Set<String> documented = new TreeSet<>();
    Matcher rows = ROW.matcher(Files.readString(Path.of("..", "README.md")));
    while (rows.find()) {
      documented.add(rows.group(1));
    }

    assertThat(documented).isEqualTo(exported);
    assertThat(scrape.sum("lagline_rebuild_messages_total")).isEqualTo(2);
    assertThat(scrape.sum("lagline_rebuild_poison_events_total")).isEqualTo(2);
    assertThat(scrape.sum("lagline_rebuild_position_timestamp_seconds"))
        .isEqualTo(since.plusSeconds(40).getEpochSecond());
    assertThat(scrape.sum("lagline_rebuild_unsettled_messages")).isZero();
  }
}
