package io.lagline.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeadLetterMetricsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeadLetterMetrics metrics = new DeadLetterMetrics(registry);

  @Test
  void every_poison_reason_exists_at_zero_before_the_first_dead_letter() {
    assertThat(registry.find("lagline.reconciler.dead.letters").counters())
        .allSatisfy(
            counter -> {
              assertThat(counter.count()).isZero();
              assertThat(counter.getId().getDescription()).isNotBlank();
              assertThat(counter.getId().getBaseUnit()).isEqualTo("dead_letters");
            })
        .extracting(c -> c.getId().getTag("reason"))
        .containsExactlyInAnyOrderElementsOf(DeadLetterMetrics.reasons())
        .contains("missing_attribute", "missing_field", "invalid_value", "unversioned_row")
        .doesNotContain("pubsub_rejected");
  }

  @Test
  void counts_under_the_reason_registered_at_start_up() {
    int series = registry.getMeters().size();

    metrics.deadLettered("missing_field");

    assertThat(
            registry
                .get("lagline.reconciler.dead.letters")
                .tag("reason", "missing_field")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.getMeters()).hasSize(series);
  }

  @Test
  void the_readme_table_of_dlq_reasons_lists_exactly_the_reasons_counted() throws IOException {
    List<String> documented = documentedReasons();

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            concat(DeadLetterMetrics.reasons(), "max_delivery_attempts"));
  }

  /** The first column of the README's table headed {@code | `dlq_reason` | meaning |}. */
  private static List<String> documentedReasons() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("| `dlq_reason` | meaning |");
    assertThat(start).as("the README's dlq_reason table").isNotNegative();
    List<String> reasons = new ArrayList<>();
    for (String line : readme.substring(start).split("\n")) {
      if (!line.startsWith("|")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.find() && !row.group(1).equals("dlq_reason")) {
        reasons.add(row.group(1));
      }
    }
    return reasons;
  }

  private static List<String> concat(List<String> reasons, String more) {
    List<String> all = new ArrayList<>(reasons);
    all.add(more);
    return all;
  }
}
