package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.config.ConfigReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The producer README's settings table is {@link PublisherKey} rendered: every key with its flag,
 * default, rule and meaning. On a difference the message holds the table to paste.
 */
class SettingsReferenceTest {
  static final String HEADING = "## Settings";

  /** The table as the README must show it. */
  static String expectedTable() {
    return ConfigReference.table(
        List.of("key (`publisher.` + …)", "CLI flag", "default", "rule", "meaning"),
        Arrays.stream(PublisherKey.values())
            .map(
                key -> {
                  List<String> cells = ConfigReference.cells(key);
                  return List.of(
                      cells.get(0),
                      "`" + key.flag() + "`",
                      cells.get(1),
                      cells.get(2),
                      cells.get(3));
                })
            .toList());
  }

  @Test
  void the_readme_table_is_the_registry_rendered() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String expected = expectedTable();

    assertThat(ConfigReference.tableAfter(readme, HEADING))
        .as("producer/README.md, the table under '%s'; paste this one:%n%n%s", HEADING, expected)
        .isEqualTo(expected);
  }

  @Test
  void every_key_is_read_from_its_own_path_and_variable() {
    assertThat(PublisherKey.values()).extracting(PublisherKey::path).doesNotHaveDuplicates();
    assertThat(PublisherKey.BATCH_MAX_BYTES.envName())
        .isEqualTo("LAGLINE_PUBLISHER_BATCH_MAX_BYTES");
  }
}
