package io.lagline.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.config.ConfigReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is {@link ReconcilerKey} rendered, and the loader reads
 * exactly those keys. On a difference the message holds the table to paste.
 */
class ConfigReferenceTest {
  static final String HEADING = "## Configuration reference (reconciler)";

  @Test
  void the_readme_table_is_the_registry_rendered() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String expected = ConfigReference.table(List.of(ReconcilerKey.values()));

    assertThat(ConfigReference.tableAfter(readme, HEADING))
        .as("README.md, the table under '%s'; paste this one:%n%n%s", HEADING, expected)
        .isEqualTo(expected);
  }

  @Test
  void the_loader_reads_every_declared_key_and_no_other() {
    Set<String> declared =
        Arrays.stream(ReconcilerKey.values())
            .flatMap(key -> key.paths().stream())
            .collect(Collectors.toSet());

    assertThat(ConfigLoader.keys()).isEqualTo(declared);
  }

  @Test
  void the_readme_names_the_variables_as_the_keys_do() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme)
        .contains(
            "(`"
                + ReconcilerKey.CASSANDRA_CONTACT_POINTS.path()
                + "` → `"
                + ReconcilerKey.CASSANDRA_CONTACT_POINTS.envName()
                + "`)");
  }
}
