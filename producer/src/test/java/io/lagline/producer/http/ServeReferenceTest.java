package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.config.ConfigReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The producer README's "Serve settings" table is {@link ServeKey} rendered. On a difference the
 * message holds the table to paste.
 */
class ServeReferenceTest {
  static final String HEADING = "### Serve settings";

  @Test
  void the_readme_table_is_the_keys_rendered() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String expected = ConfigReference.table(List.of(ServeKey.values()));

    assertThat(ConfigReference.tableAfter(readme, HEADING))
        .as("producer/README.md, the table under '%s'; paste this one:%n%n%s", HEADING, expected)
        .isEqualTo(expected);
  }

  @Test
  void every_key_has_its_own_path_and_variable() {
    assertThat(ServeKey.values()).extracting(ServeKey::path).doesNotHaveDuplicates();
    assertThat(ServeKey.PORT.envName()).isEqualTo("LAGLINE_SERVE_PORT");
    assertThat(ServeKey.AUTH_TOKEN.paths())
        .containsExactly("serve.auth.token", "serve.auth.token-file");
  }
}
