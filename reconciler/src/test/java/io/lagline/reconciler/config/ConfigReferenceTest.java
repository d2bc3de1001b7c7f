package io.lagline.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration reference lists exactly the keys the loader reads. */
class ConfigReferenceTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z][a-z0-9.-]+)`(?: / `([a-z][a-z0-9.-]+)`)? \\|");

  @Test
  void every_key_is_documented_and_every_documented_key_exists() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section =
        readme.substring(
            readme.indexOf("## Configuration reference (reconciler)"),
            readme.indexOf("## Metrics and health"));
    Set<String> documented = new TreeSet<>();
    for (String line : section.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1));
        if (row.group(2) != null) {
          documented.add(row.group(2));
        }
      }
    }

    assertThat(documented).isEqualTo(new TreeSet<>(ConfigLoader.keys()));
  }
}
